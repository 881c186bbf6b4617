package org.jhaproxy.runtime.stick;

import java.util.Map;
import org.jhaproxy.runtime.sample.Converters;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleConverter;

/**
 * The converters looking a key up in a stick-table (configuration.txt 7.3.1 "in_table",
 * "table_http_req_rate"...): the entry's data, 0 when there is no entry, no value when the table
 * does not store it. A lookup neither creates nor touches the entry.
 */
public final class TableConverters {
    private TableConverters() {
    }

    public static void register(Map<String, Converters.Factory> m) {
        m.put("in_table", (a, s) -> {
            StickTable t = StickFetches.table(a, 0, s);
            return (in, c) -> {
                byte[] key = t.key(in);
                return key == null ? null : Sample.bool(t.lookup(key) != null);
            };
        });
        for (Map.Entry<String, DataType> r : StickFetches.READS.entrySet()) {
            String name = "table_" + (r.getKey().startsWith("get_") ? r.getKey().substring(4) : r.getKey());
            DataType type = r.getValue();
            m.put(name, (a, s) -> read(StickFetches.table(a, 0, s), type));
        }
        registerEntryReads(m);
    }

    /**
     * table_trackers, table_expire, table_idle, table_server_id: the entry itself rather than a
     * counter. A key that is not there reads 0 for trackers and server_id; for expire and idle
     * it fails unless a default value is given.
     */
    private static void registerEntryReads(Map<String, Converters.Factory> m) {
        m.put("table_server_id", (a, s) -> read(StickFetches.table(a, 0, s), DataType.SERVER_ID));
        m.put("table_trackers", (a, s) -> {
            StickTable t = StickFetches.table(a, 0, s);
            return (in, c) -> {
                byte[] key = t.key(in);
                if (key == null) {
                    return null;
                }
                StickEntry e = t.lookup(key);
                // haproxy reads ref_cnt while its own lookup holds the entry: one more than the trackers
                return Sample.sint(e == null ? 0 : t.refs(e) + 1);
            };
        });
        m.put("table_expire", (a, s) -> delay(a, s, false));
        m.put("table_idle", (a, s) -> delay(a, s, true));
    }

    private static SampleConverter delay(java.util.List<org.jhaproxy.config.sample.SampleArg> a,
            org.jhaproxy.runtime.sample.CompileScope s, boolean idle) throws org.jhaproxy.runtime.sample.NotSupported {
        StickTable t = StickFetches.table(a, 0, s);
        Sample dflt = a.size() > 1 && !a.get(1).text().isEmpty() ? Sample.sint(org.jhaproxy.config.global.CNumber.atol(a.get(1).text().strip())) : null;
        return (in, c) -> {
            byte[] key = t.key(in);
            if (key == null) {
                return null;
            }
            StickEntry e = t.lookup(key);
            if (e == null) {
                return dflt;
            }
            long remaining = t.remaining(e);
            return Sample.sint(idle ? Math.max(0, t.expireDelay() - remaining) : remaining);
        };
    }

    private static SampleConverter read(StickTable t, DataType type) {
        return (in, c) -> {
            byte[] key = t.key(in);
            if (key == null) {
                return null;
            }
            StickEntry e = t.lookup(key);
            if (e == null) {
                // a missing key reads 0, whether or not the table stores the data
                return Sample.sint(0);
            }
            Long v = t.read(e, type);
            return v == null ? null : Sample.sint(v);
        };
    }
}
