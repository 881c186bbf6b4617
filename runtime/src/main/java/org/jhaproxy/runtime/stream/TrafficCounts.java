package org.jhaproxy.runtime.stream;

import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * The byte counters of the stats (bin, bout) as stream_process_counters() moves them: what a
 * stream reads from its client counts on the frontend, its backend and its server; what it sends
 * back counts on the same three. The backend and the server may not be known yet (null).
 */
public final class TrafficCounts {
    private TrafficCounts() {
    }

    /** {@code n} bytes from the client went on towards the server (bin). */
    public static void in(Proxy fe, Proxy be, Server s, long n) {
        fe.frontendCounters().bytesIn.add(n);
        if (be != null) {
            be.backendCounters().bytesIn.add(n);
        }
        if (s != null) {
            s.counters().bytesIn.add(n);
        }
    }

    /** {@code n} bytes went to the client (bout). */
    public static void out(Proxy fe, Proxy be, Server s, long n) {
        fe.frontendCounters().bytesOut.add(n);
        if (be != null) {
            be.backendCounters().bytesOut.add(n);
        }
        if (s != null) {
            s.counters().bytesOut.add(n);
        }
    }
}
