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
