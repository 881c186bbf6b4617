package org.jhaproxy.runtime.stick;

import java.util.EnumMap;
import java.util.Map;

/**
 * One entry of a stick-table (haproxy's stksess): its key, the data its table stores, how many
 * trackers hold it (ref_cnt: a held entry is never purged) and when it expires. Every access goes
 * through its table's lock.
 */
public final class StickEntry {
    final byte[] key;
    private final Map<DataType, long[]> counters = new EnumMap<>(DataType.class);
    private final Map<DataType, PeriodCounter> rates = new EnumMap<>(DataType.class);
    int refs;
    long expire;
    /** server_key: the name of the server a stick rule stored (a dictionary entry in haproxy), or null. */
    private final boolean keepsServerKey;
    private String serverKey;

    StickEntry(byte[] key, StickTable table) {
        this.key = key;
        this.keepsServerKey = table.stored().containsKey(DataType.SERVER_KEY);
        for (DataType t : table.stored().keySet()) {
            if (t == DataType.SERVER_KEY) {
                continue;
            }
            if (t.isRate()) {
                rates.put(t, new PeriodCounter());
            } else {
                counters.put(t, new long[1]);
            }
        }
    }

    boolean stores(DataType t) {
        return counters.containsKey(t) || rates.containsKey(t) || t == DataType.SERVER_KEY && keepsServerKey;
    }

    String serverKey() {
        return serverKey;
    }

    void serverKey(String name) {
        serverKey = name;
    }

    /** The value of a data type the table stores, rates read over their period at {@code now}. */
    long get(DataType t, long period, long now) {
        if (t == DataType.SERVER_KEY) {
            // not a number: the filters of "show table" read it as 0
            return 0;
        }
        if (t.isRate()) {
            return rates.get(t).read(now, period);
        }
        return counters.get(t)[0];
    }

    /** Adds to a stored counter or rate; false when the table does not store it. */
    boolean add(DataType t, long period, long now, long inc) {
        if (t == DataType.SERVER_KEY) {
            return false;
        }
        if (t.isRate()) {
            PeriodCounter r = rates.get(t);
            if (r == null) {
                return false;
            }
            r.add(now, period, inc);
            return true;
        }
        long[] c = counters.get(t);
        if (c == null) {
            return false;
        }
        c[0] = wrap(t, c[0] + inc);
        return true;
    }

    /** conn_cur at session end: never below zero. */
    void decrement(DataType t) {
        long[] c = counters.get(t);
        if (c != null && c[0] > 0) {
            c[0]--;
        }
    }

    void set(DataType t, long now, long value) {
        if (t == DataType.SERVER_KEY) {
            // "set table ... data.server_key N" changes nothing, as haproxy's
            return;
        }
        if (t.isRate()) {
            rates.get(t).set(now, wrap(DataType.CONN_CNT, value));
        } else {
            counters.get(t)[0] = wrap(t, value);
        }
    }

    long currentPeriod(DataType t) {
        return rates.get(t).current();
    }

    /** The C type of the data: 32-bit unsigned counters, a signed server id, 64-bit byte counts. */
    private static long wrap(DataType t, long v) {
        if (t.wide()) {
            return v;
        }
        return t.signed() ? (int) v : v & 0xffffffffL;
    }
}
