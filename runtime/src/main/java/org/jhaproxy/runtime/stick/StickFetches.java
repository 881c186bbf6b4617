package org.jhaproxy.runtime.stick;

import java.util.List;
import java.util.Map;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.Fetch;
import org.jhaproxy.runtime.sample.Fetches;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The stick counter fetches of configuration.txt 7.3.3 (smp_fetch_sc_*): "sc_X(n[,table])",
 * "scN_X([table])" read the entry sticky counter n tracks (none when it tracks nothing), or the
 * same key in another table; "src_X([table])" the entry of the client's address (0 when there is
 * none). A data type the table does not store gives no value. "table_avl", "table_cnt" count
 * a table's entries.
 */
public final class StickFetches {
    /** The data each X reads: "get_gpc0" is gpc0, "http_req_rate" itself. */
    static final Map<String, DataType> READS = Map.ofEntries(
            Map.entry("conn_cnt", DataType.CONN_CNT), Map.entry("conn_cur", DataType.CONN_CUR),
            Map.entry("conn_rate", DataType.CONN_RATE), Map.entry("sess_cnt", DataType.SESS_CNT),
            Map.entry("sess_rate", DataType.SESS_RATE), Map.entry("http_req_cnt", DataType.HTTP_REQ_CNT),
            Map.entry("http_req_rate", DataType.HTTP_REQ_RATE), Map.entry("http_err_cnt", DataType.HTTP_ERR_CNT),
            Map.entry("http_err_rate", DataType.HTTP_ERR_RATE), Map.entry("http_fail_cnt", DataType.HTTP_FAIL_CNT),
            Map.entry("http_fail_rate", DataType.HTTP_FAIL_RATE), Map.entry("get_gpc0", DataType.GPC0),
            Map.entry("gpc0_rate", DataType.GPC0_RATE), Map.entry("get_gpc1", DataType.GPC1),
            Map.entry("gpc1_rate", DataType.GPC1_RATE), Map.entry("get_gpt0", DataType.GPT0));

    private StickFetches() {
    }

    /** The fetch names executed, for the registry of {@link Fetches}. */
    public static void register(Map<String, Fetches.Factory> m) {
        for (Map.Entry<String, DataType> r : READS.entrySet()) {
            DataType t = r.getValue();
            m.put("sc_" + r.getKey(), (a, s) -> read(a, s, -1, t));
            m.put("src_" + r.getKey(), (a, s) -> src(a, s, t));
            for (int n = 0; n < StickCounters.MAX; n++) {
                int counter = n;
                m.put("sc" + n + "_" + r.getKey(), (a, s) -> read(a, s, counter, t));
            }
        }
        m.put("sc_inc_gpc0", (a, s) -> inc(a, s, -1, DataType.GPC0, DataType.GPC0_RATE));
        m.put("sc_inc_gpc1", (a, s) -> inc(a, s, -1, DataType.GPC1, DataType.GPC1_RATE));
        m.put("src_inc_gpc0", (a, s) -> srcInc(a, s, DataType.GPC0, DataType.GPC0_RATE));
        m.put("src_inc_gpc1", (a, s) -> srcInc(a, s, DataType.GPC1, DataType.GPC1_RATE));
        for (int n = 0; n < StickCounters.MAX; n++) {
            int counter = n;
            m.put("sc" + n + "_inc_gpc0", (a, s) -> inc(a, s, counter, DataType.GPC0, DataType.GPC0_RATE));
            m.put("sc" + n + "_inc_gpc1", (a, s) -> inc(a, s, counter, DataType.GPC1, DataType.GPC1_RATE));
            m.put("sc" + n + "_tracked", (a, s) -> tracked(a, counter));
        }
        m.put("sc_tracked", (a, s) -> tracked(a, -1));
        m.put("table_cnt", (a, s) -> {
            StickTable t = table(a, 0, s);
            return c -> Sample.sint(t.used());
        });
        m.put("table_avl", (a, s) -> {
            StickTable t = table(a, 0, s);
            return c -> Sample.sint(t.size() - t.used());
        });
    }

    /** A table argument: named, or the rule's proxy's own when left out. */
    static StickTable table(List<SampleArg> a, int i, CompileScope s) throws NotSupported {
        String name = i < a.size() && !a.get(i).text().isEmpty() ? a.get(i).text() : s.proxy().name();
        StickTable t = s.proxies().stickTables().find(name);
        if (t == null) {
            throw new NotSupported("no stick-table '" + name + "'.");
        }
        return t;
    }

    /** The counter's table (or the named one) and its entry there, or null when the counter tracks nothing. */
    private record Slot(StickTable table, StickEntry entry) {
    }

    private interface SlotFinder {
        Slot find(SampleContext c);
    }

    /** smp_fetch_sc_stkctr() for sc_* (counter -1: the first argument) and scN_*. */
    private static SlotFinder counter(List<SampleArg> a, CompileScope s, int counter) throws NotSupported {
        int n = counter >= 0 ? counter : Integer.parseInt(a.get(0).text());
        int tableArg = counter >= 0 ? 0 : 1;
        StickTable other = tableArg < a.size() && !a.get(tableArg).text().isEmpty() ? table(a, tableArg, s) : null;
        return c -> {
            StickCounters h = Tracking.holder(c, n);
            if (h == null) {
                return null;
            }
            if (other == null) {
                return new Slot(h.table(n), h.entry(n));
            }
            return new Slot(other, other.lookup(h.entry(n).key));
        };
    }

    private static Fetch read(List<SampleArg> a, CompileScope s, int counter, DataType t) throws NotSupported {
        SlotFinder f = counter(a, s, counter);
        return c -> value(f.find(c), t);
    }

    private static Fetch src(List<SampleArg> a, CompileScope s, DataType t) throws NotSupported {
        StickTable table = table(a, 0, s);
        return c -> {
            byte[] key = table.key(Sample.addr(c.src().getAddress()));
            return key == null ? null : value(new Slot(table, table.lookup(key)), t);
        };
    }

    /** 0 for a missing entry, no value when the table does not store the data. */
    private static Sample value(Slot slot, DataType t) {
        if (slot == null) {
            return null;
        }
        if (slot.entry == null) {
            return Sample.sint(0);
        }
        Long v = slot.table.read(slot.entry, t);
        return v == null ? null : Sample.sint(v);
    }

    private static Fetch tracked(List<SampleArg> a, int counter) {
        int n = counter >= 0 ? counter : Integer.parseInt(a.get(0).text());
        return c -> Sample.bool(Tracking.holder(c, n) != null);
    }

    private static Fetch inc(List<SampleArg> a, CompileScope s, int counter, DataType gpc, DataType rate) throws NotSupported {
        SlotFinder f = counter(a, s, counter);
        return c -> {
            Slot slot = f.find(c);
            if (slot == null) {
                return null;
            }
            return slot.entry == null ? Sample.sint(0) : Sample.sint(Counters.inc(slot.table, slot.entry, gpc, rate));
        };
    }

    /** src_inc_gpc0: creates the client's entry when it has none (smp_create_src_stkctr()). */
    private static Fetch srcInc(List<SampleArg> a, CompileScope s, DataType gpc, DataType rate) throws NotSupported {
        StickTable table = table(a, 0, s);
        return c -> {
            byte[] key = table.key(Sample.addr(c.src().getAddress()));
            if (key == null) {
                return null;
            }
            StickEntry e = table.hold(key);
            if (e == null) {
                return Sample.sint(0);
            }
            long v = Counters.inc(table, e, gpc, rate);
            table.release(e, false);
            return Sample.sint(v);
        };
    }
}
