package org.jhaproxy.runtime.server;

/** A server's operational state (SRV_ST_*): only RUNNING servers are chosen by the balancer. */
public enum ServerState {
    RUNNING, STOPPED
}
