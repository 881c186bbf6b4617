package org.jhaproxy.config.addr;

/**
 * The family str2sa_range() gives an address: the socket families plus HAProxy's two custom
 * ones for inherited file descriptors (AF_CUST_EXISTING_FD "fd@") and socket pairs
 * (AF_CUST_SOCKPAIR "sockpair@"). ABNS is a UNIX socket in Linux's abstract namespace ("abns@").
 * UNSPEC remains only for a name left to resolve later.
 */
public enum AddressFamily {
    INET, INET6, UNIX, ABNS, FD, SOCKPAIR, UNSPEC;

    public boolean isIp() {
        return this == INET || this == INET6;
    }

    public boolean isUnix() {
        return this == UNIX || this == ABNS;
    }
}
