package org.jhaproxy.runtime.stick;

import org.jhaproxy.runtime.sample.SampleContext;

/**
 * Where a stream's events reach the tracked entries (stream.h, session.c): a stream sees its own
 * counters first, then those its session tracked (haproxy copies the session's into each new
 * stream). A stream's own counters are released when it ends, the session's when the client
 * connection closes.
 */
public final class Tracking {
    private Tracking() {
    }

    /** The counters holding sticky counter {@code n} for this stream, or null when none tracks it. */
    static StickCounters holder(SampleContext c, int n) {
        if (n < 0 || n >= StickCounters.MAX) {
            return null;
        }
        StickCounters s = c.stickStream(false);
        if (s != null && s.tracks(n)) {
            return s;
        }
        s = c.stickSession();
        return s != null && s.tracks(n) ? s : null;
    }

    /** Whether counter {@code n} is tracked by the stream or its session (what blocks a second track-scN). */
    static boolean tracked(SampleContext c, int n) {
        return holder(c, n) != null;
    }

    /** session_count_new(): the connection became a session, counted on what it tracks. */
    public static void sessionCreated(SampleContext c) {
        StickCounters s = c.stickSession();
        if (s != null) {
            s.add(DataType.SESS_CNT, 1);
            s.add(DataType.SESS_RATE, 1);
        }
    }

    /** stream_inc_http_req_ctr(): a request was parsed. */
    public static void httpRequest(SampleContext c) {
        each(c, DataType.HTTP_REQ_CNT, DataType.HTTP_REQ_RATE);
    }

    /** stream_inc_http_err_ctr(): a 4xx from the server, or a request denied. */
    public static void httpError(SampleContext c) {
        each(c, DataType.HTTP_ERR_CNT, DataType.HTTP_ERR_RATE);
    }

    /**
     * A response head arrived (http_wait_for_response()): a 4xx counts as a client error, a 5xx
     * as a server failure, but for 501 and 505 which answer what the client asked.
     */
    public static void httpResponse(SampleContext c, int status) {
        if (status >= 400 && status < 500) {
            httpError(c);
        } else if (status >= 500 && status < 600 && status != 501 && status != 505) {
            httpFailure(c);
        }
    }

    /** stream_inc_http_fail_ctr(): a 5xx from the server, or its response failed (502, 504, an abort). */
    public static void httpFailure(SampleContext c) {
        each(c, DataType.HTTP_FAIL_CNT, DataType.HTTP_FAIL_RATE);
    }

    private static void each(SampleContext c, DataType cnt, DataType rate) {
        if (c.stickSession() == null && c.stickStream(false) == null) {
            return;
        }
        for (int i = 0; i < StickCounters.MAX; i++) {
            StickCounters h = holder(c, i);
            if (h != null) {
                StickTable t = h.table(i);
                StickEntry e = h.entry(i);
                t.add(e, cnt, 1);
                t.add(e, rate, 1);
            }
        }
    }

    /** stream_store_counters(): the stream ended, its own tracked entries are given back. */
    public static void streamEnded(SampleContext c) {
        if (c == null) {
            return;
        }
        StickCounters s = c.stickStream(false);
        if (s != null) {
            s.release();
        }
    }
}
