package org.jhaproxy.runtime.proxy;

import java.util.concurrent.atomic.AtomicLong;

/** haproxy's swrate: a sum decaying by 1/n per sample, so sum/n approaches the last n samples' mean. */
final class SlidingAverage {
    private final int n;
    private final AtomicLong sum = new AtomicLong();

    SlidingAverage(int n) {
        this.n = n;
    }

    void add(long v) {
        sum.getAndUpdate(s -> s - (s + n - 1) / n + v);
    }

    long average(int window) {
        return (sum.get() + window - 1) / window;
    }

    void clear() {
        sum.set(0);
    }
}
