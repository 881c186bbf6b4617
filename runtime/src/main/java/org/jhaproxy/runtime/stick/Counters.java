package org.jhaproxy.runtime.stick;

/**
 * The general purpose counters and tags that rules and fetches change (sc_inc_gpc0,
 * "sc-inc-gpc0", "sc-set-gpt0"), as stick_table.c updates them.
 */
final class Counters {
    private Counters() {
    }

    /**
     * Increments gpcN and its rate if stored, touching the entry: the new gpcN, or the rate's
     * current period count when only the rate is stored, else 0.
     */
    static long inc(StickTable t, StickEntry e, DataType gpc, DataType rate) {
        return t.locked(() -> {
            long v = 0;
            boolean changed = false;
            if (t.add(e, rate, 1)) {
                v = e.currentPeriod(rate);
                changed = true;
            }
            if (t.add(e, gpc, 1)) {
                v = t.read(e, gpc);
                changed = true;
            }
            if (changed) {
                t.touch(e);
            }
            return v;
        });
    }

    /** sc-set-gpt0: sets the tag if stored; false when it is not. */
    static boolean setGpt0(StickTable t, StickEntry e, long value) {
        return t.locked(() -> {
            if (!e.stores(DataType.GPT0)) {
                return false;
            }
            e.set(DataType.GPT0, StickTable.now(), value);
            t.touch(e);
            return true;
        });
    }
}
