package org.jhaproxy.runtime.server;

/**
 * A server's operational state (SRV_ST_*), set by its health checks: only RUNNING and STARTING
 * servers are chosen by the balancer.
 */
public enum ServerState {
    /** Down: failed its checks ("fall" times in a row) or declared "disabled". */
    STOPPED,
    /** Up, taking traffic. */
    RUNNING,
    /** Up, its weight still rising ("slowstart"). */
    STARTING,
    /** Up but asked to drain (a check "conditionally passed"): no new load-balanced traffic. */
    STOPPING;

    /** Whether the balancer may choose a server in this state. */
    public boolean takesTraffic() {
        return this == RUNNING || this == STARTING;
    }
}
