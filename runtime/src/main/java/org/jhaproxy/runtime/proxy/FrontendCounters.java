package org.jhaproxy.runtime.proxy;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a frontend counts (haproxy's fe_counters) for "show stat" and the stats page: the
 * streams call one method at each event; the stats read the sums.
 */
public final class FrontendCounters {
    public final LongAdder cumConn = new LongAdder();
    public final LongAdder cumSess = new LongAdder();
    public final LongAdder cumReq = new LongAdder();
    public final LongAdder bytesIn = new LongAdder();
    public final LongAdder bytesOut = new LongAdder();
    public final LongAdder deniedReq = new LongAdder();
    public final LongAdder deniedResp = new LongAdder();
    public final LongAdder failedReq = new LongAdder();
    public final LongAdder deniedConn = new LongAdder();
    public final LongAdder deniedSess = new LongAdder();
    public final LongAdder intercepted = new LongAdder();
    /** http-request cache-use lookups and hits of this proxy's rules as a frontend (cache.c). */
    public final LongAdder cacheLookups = new LongAdder();
    public final LongAdder cacheHits = new LongAdder();
    public final LongAdder failedRewrites = new LongAdder();
    public final LongAdder internalErrors = new LongAdder();
    /** Responses by class: index 1..5 for 1xx..5xx, 0 for the others (rsp[] of haproxy). */
    public final HttpResponseClasses responses = new HttpResponseClasses();
    public final MaxGauge connMax = new MaxGauge();
    public final FreqCounter connPerSec = new FreqCounter();
    public final FreqCounter sessPerSec = new FreqCounter();
    public final FreqCounter reqPerSec = new FreqCounter();
    public final MaxGauge cpsMax = new MaxGauge();
    public final MaxGauge spsMax = new MaxGauge();
    public final MaxGauge rpsMax = new MaxGauge();
    /** The h1 mux's counters of the client connections (stats module "h1"). */
    public final H1Counters h1 = new H1Counters();
    public final org.jhaproxy.runtime.comp.CompCounters comp = new org.jhaproxy.runtime.comp.CompCounters();

    /** A connection was accepted (cum_conn, conn_rate). */
    public void connection() {
        cumConn.increment();
        cpsMax.seen(connPerSec.add());
    }

    /** The connection became a session (cum_sess, sess rate, smax with the current count). */
    public void session(int current) {
        cumSess.increment();
        spsMax.seen(sessPerSec.add());
        connMax.seen(current);
    }

    /** An HTTP request was parsed (cum_req, req_rate). */
    public void request() {
        cumReq.increment();
        rpsMax.seen(reqPerSec.add());
    }

    /** "clear counters": the maximums (conn_max, cps_max, sps_max, rps_max) and the clearable h1 module. */
    public void clearMax() {
        connMax.reset();
        cpsMax.reset();
        spsMax.reset();
        rpsMax.reset();
        h1.clear();
    }

    /** "clear counters all": every counter, as haproxy zeroes the whole fe_counters. */
    public void clearAll() {
        for (LongAdder a : new LongAdder[] {cumConn, cumSess, cumReq, bytesIn, bytesOut, deniedReq, deniedResp,
            failedReq, deniedConn, deniedSess, intercepted, failedRewrites, internalErrors, cacheLookups, cacheHits}) {
            a.reset();
        }
        responses.clear();
        comp.clear();
        connPerSec.clear();
        sessPerSec.clear();
        reqPerSec.clear();
        clearMax();
    }
}
