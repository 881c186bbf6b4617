package org.jhaproxy.config.addr;

/**
 * An address as str2sa_range() leaves it. For IP families {@code host} is the numeric address
 * (canonical text) once known, {@code fqdn} the name still to resolve when none was resolved at
 * parse time; for UNIX/ABNS {@code host} is the socket path (prefix included); for FD and
 * SOCKPAIR {@code fd} is the descriptor.
 *
 * <p>Ports follow str2sa_range(): {@code port} is the port to use, or a signed offset to the
 * incoming port; {@code low}/{@code high} the range ("addr:pl-ph"); for "+N" low=0,high=N; for
 * "-N" low=N,high=0; no port at all gives 0,0,0.
 *
 * @param dgram true when the transport is datagram based (proto_type DGRAM: udp@, quic...)
 * @param streamControl true when the control socket is a stream one (ctrl_type SOCK_STREAM)
 */
public record SocketAddress(AddressFamily family, String host, String fqdn, int port, int low, int high,
                            boolean offset, int fd, boolean dgram, boolean streamControl) {

    /** A port range was given ("80-90"). */
    public boolean isRange() {
        return !offset && low != high;
    }

    /** The port is an offset to the incoming one ("+N" or "-N"), as srv->flags SRV_F_MAPPORTS. */
    public boolean isOffset() {
        return offset;
    }

    /** No port was written at all. */
    public boolean noPort() {
        return port == 0 && low == 0 && high == 0;
    }

    /** The address still needs a name resolution (a server's FQDN). */
    public boolean needsResolution() {
        return fqdn != null;
    }

    /** Is this the "any" address of its family (0.0.0.0 or ::)? */
    public boolean isAny() {
        return "0.0.0.0".equals(host) || "::".equals(host);
    }
}
