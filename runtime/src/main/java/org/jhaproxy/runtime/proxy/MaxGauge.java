package org.jhaproxy.runtime.proxy;

import java.util.concurrent.atomic.AtomicLong;

/** The highest value seen of a gauge (smax, qmax, rate_max...), raised without a lock. */
public final class MaxGauge {
    private final AtomicLong max = new AtomicLong();

    public void seen(long v) {
        long m = max.get();
        while (v > m && !max.compareAndSet(m, v)) {
            m = max.get();
        }
    }

    public long get() {
        return max.get();
    }

    public void reset() {
        max.set(0);
    }
}
