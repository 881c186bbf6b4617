package org.jhaproxy.runtime.queue;

import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;

/**
 * A server's connection limit as the balancer applies it (configuration.txt 4.2 "fullconn",
 * 5.2 "minconn"): with "minconn" below "maxconn" the limit grows with its backend's load, from
 * minconn when the backend is idle to maxconn once the backend serves "fullconn" streams; a
 * server warming up ("slowstart") gets the same share of it as of its weight, at least 1.
 */
public final class DynamicMaxconn {
    private DynamicMaxconn() {
    }

    /** srv_dynamic_maxconn(): how many streams {@code s} may serve now. */
    public static int of(Server s) {
        Proxy be = s.backend();
        int max = s.maxconn();
        int beconn = be.beconn().get();
        if (beconn < be.fullconn() && s.minconn() != max) {
            max = (int) Math.max(s.minconn(), (long) beconn * max / be.fullconn());
        }
        if (s.state() == ServerState.STARTING && s.slowstart() > 0) {
            long now = System.currentTimeMillis() / 1000;
            long since = s.lastChange() / 1000;
            if (now >= since && now < since + s.slowstart()) {
                long ratio = 100 * (now - since) / s.slowstart();
                max = (int) Math.max(1, max * ratio / 100);
            }
        }
        return max;
    }

    /** Gives every backend its fullconn, once the frontends' maxconn are known. */
    public static void settle(Proxies all, int globalMaxconn) {
        for (Proxy p : all.all()) {
            if (p.config().isBackend()) {
                p.fullconn(fullconn(p, all, globalMaxconn));
            }
        }
    }

    /**
     * A backend's "fullconn", else (proxy_adjust_all_maxconn()) a tenth of the maxconn of the
     * frontends that may send it streams, rounded up, at least 1: a default_backend, a listen
     * section itself, or a static use_backend target.
     *
     * @param globalMaxconn the maxconn of a frontend without its own
     */
    public static int fullconn(Proxy be, Proxies all, int globalMaxconn) {
        long set = be.config().number("fullconn", 0);
        if (set > 0) {
            return (int) Math.min(Integer.MAX_VALUE, set);
        }
        long total = 0;
        for (Proxy fe : all.all()) {
            if (fe.config().isFrontend() && !fe.config().disabled() && uses(fe, be)) {
                total += fe.maxconn() > 0 ? fe.maxconn() : globalMaxconn;
            }
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + 9) / 10));
    }

    private static boolean uses(Proxy fe, Proxy be) {
        // a listen section without default_backend is its own
        if (fe.defaultBackend() == be) {
            return true;
        }
        return fe.config().useBackends().stream().anyMatch(u -> !u.dynamic() && u.name().equals(be.name()));
    }
}
