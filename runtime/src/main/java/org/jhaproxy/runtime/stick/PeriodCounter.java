package org.jhaproxy.runtime.stick;

/**
 * A frequency counter over a configurable period (haproxy's freq_ctr used with
 * update_freq_ctr_period() / read_freq_ctr_period()): the events of the current period, and those
 * of the previous one weighted by the part of it still inside a sliding window of one period. A
 * counter never updated starts its first period at its first event. The owner entry's lock
 * guards it.
 */
final class PeriodCounter {
    private long currTick;
    private long curr;
    private long prev;
    private boolean started;

    /** Counts {@code inc} events at {@code now} (ms). */
    void add(long now, long period, long inc) {
        if (!started || now - currTick >= period) {
            prev = started ? curr : 0;
            curr = 0;
            currTick = started ? currTick + period : now;
            if (now - currTick >= period) {
                // two periods or more went by without an event
                prev = 0;
                currTick = now;
            }
            started = true;
        }
        curr += inc;
    }

    /** Events per period at {@code now}: freq_ctr_total() / period, with its low-rate correction. */
    long read(long now, long period) {
        if (!started) {
            return 0;
        }
        long c = curr;
        long p = prev;
        long remain = currTick + period - now;
        if (remain < 0) {
            remain += period;
            p = remain >= 0 ? c : 0;
            c = 0;
        }
        if (c == 0 && p <= 1) {
            return p;
        }
        return (p * remain + c * period) / period;
    }

    /** "set table ... data.X_rate N": the value holds for this period, then fades out. */
    void set(long now, long value) {
        currTick = now;
        prev = 0;
        curr = value;
        started = true;
    }

    /** The current period's count (what sc_inc_gpc0 returns for gpc0_rate alone). */
    long current() {
        return curr;
    }
}
