package org.jhaproxy.runtime.stick;

import java.util.List;

/**
 * What the stats socket's table commands read and change (stick_table.c's CLI part): the header
 * and entry lines of "show table", the data filters, the key lookups, "clear" and "set". The
 * command parsing and the access levels are the CLI's.
 */
public final class TableDump {
    private TableDump() {
    }

    /** "# table: NAME, type: TYPE, size:N, used:N". */
    public static String head(StickTable t) {
        return "# table: " + t.name() + ", type: " + t.type().keyword() + ", size:" + t.size() + ", used:" + t.used() + "\n";
    }

    /** One entry line: its address, key, trackers, remaining time and stored data, in haproxy's order. */
    public static String entry(StickTable t, StickEntry e) {
        StringBuilder b = new StringBuilder();
        b.append("0x").append(Long.toHexString(0x7f0000000000L + ((long) System.identityHashCode(e) << 4))).append(':');
        b.append(" key=").append(t.keyText(e));
        b.append(" use=").append(t.refs(e)).append(" exp=").append(t.remaining(e));
        for (DataType d : t.stored().keySet()) {
            b.append(' ').append(d.keyword());
            if (d.isRate()) {
                b.append('(').append(t.period(d)).append(')');
            }
            b.append('=');
            if (d == DataType.SERVER_KEY) {
                String k = t.serverKey(e);
                b.append(k == null ? "-" : k);
            } else {
                b.append(t.read(e, d));
            }
        }
        return b.append('\n').toString();
    }

    /** The entries in key order. */
    public static List<StickEntry> entries(StickTable t) {
        return t.entries();
    }

    /** The entry of a key the CLI names, or null; the key must be {@link #parseKey valid}. */
    public static StickEntry lookup(StickTable t, byte[] key) {
        return t.lookup(key);
    }

    /** A CLI key for this table, or null when it is invalid ("Invalid key"). */
    public static byte[] parseKey(StickTable t, String text) {
        return t.parseKey(text);
    }

    /** Whether the table's key type can be named on the CLI (not binary). */
    public static boolean keysByName(StickTable t) {
        return t.type() != KeyType.BINARY;
    }

    /** Reads a data type of the entry as a number (for the filters), 0 when not stored. */
    public static long value(StickTable t, StickEntry e, DataType d) {
        Long v = t.read(e, d);
        return v == null ? 0 : v;
    }

    /** "clear table ... key": removes it unless tracked. */
    public static boolean kill(StickTable t, StickEntry e) {
        return t.kill(e);
    }

    public static int refs(StickTable t, StickEntry e) {
        return t.refs(e);
    }

    /** "set table ... key": the entry, created when missing and held until {@link #endSet}; null if full. */
    public static StickEntry beginSet(StickTable t, byte[] key) {
        return t.hold(key);
    }

    /** Sets one stored data type of an entry being set. */
    public static void set(StickTable t, StickEntry e, DataType d, long value) {
        t.locked(() -> {
            e.set(d, StickTable.now(), value);
            return null;
        });
    }

    /** The end of a "set": the entry is touched and given back. */
    public static void endSet(StickTable t, StickEntry e) {
        t.release(e, true);
    }
}
