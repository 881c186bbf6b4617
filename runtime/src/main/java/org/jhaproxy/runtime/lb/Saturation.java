package org.jhaproxy.runtime.lb;

import org.jhaproxy.runtime.queue.DynamicMaxconn;
import org.jhaproxy.runtime.server.Server;

/** When an algorithm skips a server as full (the test lb_fwrr, lb_map, lb_fas and lb_chash share). */
final class Saturation {
    private Saturation() {
    }

    /** It has a maxconn and streams already wait for it, or all its slots are taken. */
    static boolean full(Server s) {
        return s.maxconn() > 0 && (s.queue().length() > 0 || s.currentConns() >= DynamicMaxconn.of(s));
    }
}
