package org.jhaproxy.runtime.lb;

import org.jhaproxy.runtime.server.Server;

/**
 * A backend's load-balancing algorithm ("balance"), one class per haproxy lb_*.c. Every method
 * is called under the backend balancer's lock ({@link Balancer}), as haproxy holds lbprm.lock.
 */
public interface LbAlgorithm {
    /**
     * The server for this request, or null when none can take it. {@code avoid} is the server
     * a redispatched stream just failed on: chosen only when nothing else is possible.
     */
    Server choose(LbRequest request, Server avoid);

    /**
     * The server became usable or stopped being usable (lbprm.set_server_status_up/down), or
     * neither; {@code groups} are the servers recounted after the change. An algorithm that
     * updates its trees in place, as haproxy does, returns true; false makes the balancer build
     * the algorithm again over the new groups (right for those that keep no position).
     */
    default boolean statusChanged(Server server, ServerGroups groups) {
        return false;
    }

    /**
     * The server's effective weight changed ("slowstart" warm-up; lbprm.update_server_eweight).
     * Same contract as {@link #statusChanged}.
     */
    default boolean weightChanged(Server server, ServerGroups groups) {
        return false;
    }

    /**
     * Whether effective weights may change while running (BE_LB_PROP_DYN): a warming-up server
     * then gets a growing share; the others give it its full weight at once.
     */
    default boolean dynamicWeights() {
        return false;
    }

    /** A stream was assigned to the server (lbprm.server_take_conn). */
    default void taken(Server server) {
    }

    /** A stream left the server (lbprm.server_drop_conn). */
    default void released(Server server) {
    }

    /**
     * Whether streams queued in the backend mean every server is full, so a new stream queues
     * at once without looking (assign_server() does so for roundrobin, static-rr and first).
     */
    default boolean queueMeansFull() {
        return false;
    }

    /**
     * Whether the server is a function of the request (source, uri, url_param, hdr). With any
     * other algorithm haproxy 2.6.12's "option redispatch" sends every retry to another server
     * at once (observed with roundrobin, leastconn and first: no turn-around pause).
     */
    default boolean hashBased() {
        return false;
    }
}
