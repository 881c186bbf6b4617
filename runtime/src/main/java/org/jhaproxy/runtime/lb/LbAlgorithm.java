package org.jhaproxy.runtime.lb;

import org.jhaproxy.runtime.server.Server;

/** A backend's load-balancing algorithm ("balance"): picks a usable server for a request, or null. */
public interface LbAlgorithm {
    Server choose(LbRequest request);

    /** A server's connection ended: algorithms that count connections (leastconn) update. */
    default void released(Server server) {
    }
}
