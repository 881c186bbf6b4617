package org.jhaproxy.runtime.listener;

import java.util.concurrent.atomic.AtomicLong;
import org.jhaproxy.runtime.proxy.FreqCounter;

/**
 * The process-wide rates and their limits (haproxy's global.conn_per_sec / cps_lim,
 * sess_per_sec / sps_lim, ssl_lim, comp_rate_lim), as "set rate-limit" changes them and "show
 * info" reports them. A listener at the connection or session rate limit stops accepting
 * (LIMITED) until the rate over the last second falls below the limit; 0 means no limit.
 */
public final class GlobalRateLimits {
    private final FreqCounter connPerSec = new FreqCounter();
    private final FreqCounter sessPerSec = new FreqCounter();
    private final AtomicLong connMax = new AtomicLong();
    private final AtomicLong sessMax = new AtomicLong();
    private volatile int connLimit;
    private volatile int sessLimit;
    private volatile int sslLimit;
    /** In bytes per second: "set rate-limit http-compression" takes kB/s. */
    private volatile int compressionLimit;

    /** A connection was accepted on a proxy's listener: it counts for both rates. */
    void accepted() {
        update(connMax, connPerSec.add());
        update(sessMax, sessPerSec.add());
    }

    private static void update(AtomicLong max, long rate) {
        max.accumulateAndGet(rate, Math::max);
    }

    /** freq_ctr_remain() > 0 for both limits: one more connection fits in this second. */
    boolean allowsMore() {
        return (connLimit == 0 || connPerSec.read() < connLimit) && (sessLimit == 0 || sessPerSec.read() < sessLimit);
    }

    /** How long a listener held by a rate waits before it looks again, in ms (about one event's share of a second). */
    long retryDelay() {
        int lim = Math.max(connLimit, sessLimit);
        return Math.max(1, 1000 / Math.max(1, lim));
    }

    public long connRate() {
        return connPerSec.read();
    }

    /** The rates as "show info float" gives them. */
    public double connRateFloat() {
        return connPerSec.readFloat();
    }

    public double sessRateFloat() {
        return sessPerSec.readFloat();
    }

    public long maxConnRate() {
        return connMax.get();
    }

    public long sessRate() {
        return sessPerSec.read();
    }

    public long maxSessRate() {
        return sessMax.get();
    }

    public int connLimit() {
        return connLimit;
    }

    public int sessLimit() {
        return sessLimit;
    }

    public int sslLimit() {
        return sslLimit;
    }

    public int compressionLimit() {
        return compressionLimit;
    }

    /** "set rate-limit connections global". */
    public void connLimit(int v) {
        connLimit = v;
    }

    /** "set rate-limit sessions global". */
    public void sessLimit(int v) {
        sessLimit = v;
    }

    /** "set rate-limit ssl-sessions global": jhaproxy terminates no TLS, the limit is only kept. */
    public void sslLimit(int v) {
        sslLimit = v;
    }

    /** "set rate-limit http-compression global", in bytes per second: kept, jhaproxy does not compress. */
    public void compressionLimit(int v) {
        compressionLimit = v;
    }
}
