package org.jhaproxy.runtime.server;

import java.net.InetAddress;

/**
 * A server's address and service port changed at run time (srv_update_addr_port()), by "set
 * server b/s addr <ip> [port <port>]": a literal IPv4 or IPv6 address (no name resolution) and
 * a port, fixed or "+N"/"-N" to map ports. The answer reports what changed, or why not, with
 * haproxy's words, e.g. "IP changed from '127.0.0.1' to '127.0.0.2', no need to change the
 * port by 'stats socket command'". Its checks follow unless they have their own address/port.
 */
public final class AddressUpdate {
    private AddressUpdate() {
    }

    /**
     * Applies {@code addr} (null to keep it) then {@code port} (null to keep it), reported as
     * changed by {@code updater}; an invalid address stops before the port, an invalid port
     * keeps the address already changed. Returns the message, newline included.
     */
    public static String apply(Server s, String addr, String port, String updater) {
        StringBuilder msg = new StringBuilder();
        InetAddress ip = null;
        int svcPort = s.port();
        boolean mapPorts = s.mapsPorts();
        boolean changed = false;
        report:
        {
            if (addr != null) {
                InetAddress next = literal(addr);
                if (next == null) {
                    msg.append("Invalid addr '").append(addr).append('\'');
                    break report;
                }
                InetAddress current = s.ip();
                if (current == null) {
                    // no address yet (unresolved name): its family is none of AF_INET*
                    msg.append("Update for the current server address family is only supported through configuration file");
                    break report;
                }
                if (current.equals(next)) {
                    msg.append("no need to change the addr");
                } else {
                    ip = next;
                    changed = true;
                    msg.append("IP changed from '").append(text(current)).append("' to '").append(addr).append('\'');
                }
            }
            if (port != null) {
                if (addr != null) {
                    msg.append(", ");
                }
                Long parsed = ServerStateLine.strtol(port);
                if (parsed == null) {
                    msg.append("problem converting port '").append(port).append("' to an int");
                    break report;
                }
                int wanted = (int) (parsed & 0xFFFF);
                char sign = port.isEmpty() ? '\0' : port.charAt(0);
                boolean toMap = sign == '-' || sign == '+';
                if (toMap && !mapPorts && s.check().port() == 0) {
                    // a check following the server's port cannot follow a port map
                    msg.append("can't change <port> to port map because it is incompatible with current health check port"
                            + " configuration (use 'port' statement from the 'server' directive.");
                    break report;
                }
                if ((toMap && !mapPorts) || svcPort != wanted) {
                    msg.append("port changed from '").append(mapPorts ? "+" : "").append(svcPort).append("' to '");
                    if (sign == '-') {
                        msg.append('-').append((-wanted) & 0xFFFF);
                    } else {
                        msg.append(sign == '+' ? "+" : "").append(wanted);
                    }
                    msg.append('\'');
                    svcPort = wanted;
                    mapPorts = toMap;
                    changed = true;
                } else {
                    msg.append("no need to change the port");
                }
            }
        }
        if (changed) {
            s.moveTo(ip, svcPort, mapPorts);
        }
        if (updater != null) {
            msg.append(" by '").append(updater).append('\'');
        }
        return msg.append('\n').toString();
    }

    /**
     * inet_pton() of an IPv4 or IPv6 literal, null for anything else; an IPv4-mapped IPv6
     * address stays IPv6 (another address than its IPv4 one), as for haproxy.
     */
    static InetAddress literal(String text) {
        InetAddress a = io.netty.util.NetUtil.createInetAddressFromIpAddressString(text);
        if (a instanceof java.net.Inet4Address && text.indexOf(':') >= 0) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xff;
            mapped[11] = (byte) 0xff;
            System.arraycopy(a.getAddress(), 0, mapped, 12, 4);
            try {
                return java.net.Inet6Address.getByAddress(null, mapped, -1);
            } catch (java.net.UnknownHostException impossible) {
                return null;
            }
        }
        return a;
    }

    private static String text(InetAddress ip) {
        return org.jhaproxy.runtime.sample.Addresses.text(ip);
    }
}
