package org.jhaproxy.runtime.proxy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Events per second over a sliding second (haproxy's freq_ctr of period 1s): the count of the
 * current second plus the previous second's count weighted by the part of it still inside the
 * window. Updated with atomics only; the rare second roll-over is a compare-and-set.
 */
public final class FreqCounter {
    private final AtomicLong second = new AtomicLong(now() / 1000);
    private final AtomicLong current = new AtomicLong();
    private volatile long previous;

    private static long now() {
        return System.nanoTime() / 1_000_000L;
    }

    /** One event; returns the rate including it (for the *_max counters). */
    public long add() {
        roll();
        current.incrementAndGet();
        return read();
    }

    private void roll() {
        long s = now() / 1000;
        long seen = second.get();
        if (s != seen && second.compareAndSet(seen, s)) {
            long c = current.getAndSet(0);
            previous = s == seen + 1 ? c : 0;
        }
    }

    /** read_freq_ctr(): the current second's events plus the previous second's, pro rata. */
    public long read() {
        roll();
        long ms = now() % 1000;
        return current.get() + previous * (1000 - ms) / 1000;
    }

    /**
     * read_freq_ctr_flt(): the same without rounding down, for "show info float"; a counter that
     * saw at most one event last second and none in this one still says that event whole, as
     * haproxy's correction of low rates does.
     */
    public double readFloat() {
        roll();
        long ms = now() % 1000;
        long c = current.get();
        long p = previous;
        if (c == 0 && p <= 1) {
            return p;
        }
        return c + p * (1000 - ms) / 1000.0;
    }

    /** Forgets every event, as a zeroed freq_ctr. */
    public void clear() {
        current.set(0);
        previous = 0;
    }
}
