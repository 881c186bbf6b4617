package org.jhaproxy.runtime.proxy;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a backend or one of its servers counts (haproxy's be_counters, used for both) for "show
 * stat" and the stats page. The streams call one method at each event.
 */
public final class BackendCounters {
    /** Samples of the sliding time averages (TIME_STATS_SAMPLES). */
    private static final int SAMPLES = 512;

    public final LongAdder cumConn = new LongAdder();
    public final LongAdder cumLbconn = new LongAdder();
    public final LongAdder cumReq = new LongAdder();
    /** http-request cache-use lookups and hits of this proxy's rules as a backend (cache.c). */
    public final LongAdder cacheLookups = new LongAdder();
    public final LongAdder cacheHits = new LongAdder();
    public final LongAdder bytesIn = new LongAdder();
    public final LongAdder bytesOut = new LongAdder();
    public final LongAdder deniedReq = new LongAdder();
    public final LongAdder deniedResp = new LongAdder();
    public final LongAdder failedConns = new LongAdder();
    public final LongAdder failedResp = new LongAdder();
    public final LongAdder retries = new LongAdder();
    public final LongAdder redispatches = new LongAdder();
    public final LongAdder failedRewrites = new LongAdder();
    public final LongAdder internalErrors = new LongAdder();
    public final LongAdder connect = new LongAdder();
    public final LongAdder reuse = new LongAdder();
    public final LongAdder cliAborts = new LongAdder();
    public final LongAdder srvAborts = new LongAdder();
    /** A server's failed checks that lowered its health (failed_checks). */
    public final LongAdder failedChecks = new LongAdder();
    /** A server's transitions to DOWN (down_trans). */
    public final LongAdder downTrans = new LongAdder();
    /** A server's checks failed by its observed traffic (failed_hana). */
    public final LongAdder failedHana = new LongAdder();
    public final HttpResponseClasses responses = new HttpResponseClasses();
    public final MaxGauge connMax = new MaxGauge();
    public final MaxGauge queueMax = new MaxGauge();
    public final FreqCounter sessPerSec = new FreqCounter();
    public final MaxGauge spsMax = new MaxGauge();
    /** When the last stream was assigned (ms since the epoch), 0 for never. */
    public final AtomicLong lastSession = new AtomicLong();
    private final SlidingAverage qTime = new SlidingAverage(SAMPLES);
    private final SlidingAverage cTime = new SlidingAverage(SAMPLES);
    private final SlidingAverage dTime = new SlidingAverage(SAMPLES);
    private final SlidingAverage tTime = new SlidingAverage(SAMPLES);
    public final MaxGauge qTimeMax = new MaxGauge();
    public final MaxGauge cTimeMax = new MaxGauge();
    public final MaxGauge dTimeMax = new MaxGauge();
    public final MaxGauge tTimeMax = new MaxGauge();
    /** The h1 mux's counters of the server connections (stats module "h1"; backends only). */
    public final H1Counters h1 = new H1Counters();
    public final org.jhaproxy.runtime.comp.CompCounters comp = new org.jhaproxy.runtime.comp.CompCounters();

    /** A stream was assigned (cum_conn / cum_sess, sess rate, smax, lastsess). */
    public void session(int current) {
        cumConn.increment();
        spsMax.seen(sessPerSec.add());
        connMax.seen(current);
        lastSession.set(System.currentTimeMillis());
    }

    /** The stream's times in ms (queue, connect, response, total), -1 for a step not reached. */
    public void times(long q, long c, long d, long t) {
        sample(qTime, qTimeMax, q);
        sample(cTime, cTimeMax, c);
        sample(dTime, dTimeMax, d);
        sample(tTime, tTimeMax, t);
    }

    private static void sample(SlidingAverage avg, MaxGauge max, long v) {
        if (v >= 0) {
            avg.add(v);
            max.seen(v);
        }
    }

    /** The averages over {@code window} samples (fewer while fewer requests were counted). */
    public long qTime(int window) {
        return qTime.average(window);
    }

    public long cTime(int window) {
        return cTime.average(window);
    }

    public long dTime(int window) {
        return dTime.average(window);
    }

    public long tTime(int window) {
        return tTime.average(window);
    }

    /** The window haproxy averages over: the sample count while it is below 512. */
    public static int window(long samples) {
        return samples > 0 && samples < SAMPLES ? (int) samples : SAMPLES;
    }

    /**
     * "clear counters": the maximums of a backend or a server (conn_max or cur_sess_max,
     * nbpend_max, sps_max, and the time maximums) and the clearable h1 module.
     */
    public void clearMax() {
        for (MaxGauge m : new MaxGauge[] {connMax, queueMax, spsMax, qTimeMax, cTimeMax, dTimeMax, tTimeMax}) {
            m.reset();
        }
        h1.clear();
    }

    /** "clear counters all": every counter, averages and last session date included (be_counters zeroed). */
    public void clearAll() {
        for (LongAdder a : new LongAdder[] {cumConn, cumLbconn, cumReq, bytesIn, bytesOut, deniedReq, deniedResp,
            failedConns, failedResp, retries, redispatches, failedRewrites, internalErrors, connect, reuse, cliAborts,
            srvAborts, failedChecks, downTrans, failedHana, cacheLookups, cacheHits}) {
            a.reset();
        }
        responses.clear();
        comp.clear();
        sessPerSec.clear();
        lastSession.set(0);
        for (SlidingAverage avg : new SlidingAverage[] {qTime, cTime, dTime, tTime}) {
            avg.clear();
        }
        clearMax();
    }
}
