package org.jhaproxy.config.model.server;

/** The "init-addr" methods, tried in order at startup (server.c srv_iterate_initaddr()). */
public enum InitAddrMethod {
    /** the address saved in the server-state file */
    LAST,
    /** the libc resolver (hosts file) */
    LIBC,
    /** start without address, the server in maintenance */
    NONE,
    /** the fixed IP given in the list */
    IP
}
