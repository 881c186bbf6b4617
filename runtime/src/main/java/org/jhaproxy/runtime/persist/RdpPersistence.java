package org.jhaproxy.runtime.persist;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.jhaproxy.runtime.payload.RdpCookie;
import org.jhaproxy.runtime.payload.RequestBuffer;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;

/**
 * "persist rdp-cookie[(name)]" (configuration.txt 4.2, tcp_persist_rdp_cookie()): the RDP
 * cookie ("msts" by default) names a server as "&lt;ip&gt;.&lt;port&gt;." where both are the
 * decimal integers of the address and port as they lie in memory in network order (what a
 * Windows terminal server's token redirection writes). The first IPv4 server with that address
 * and port gets the connection if it is not stopped, or with "option persist" anyway.
 */
public final class RdpPersistence {
    private RdpPersistence() {
    }

    /** The server the cookie in {@code b} names for {@code be}, or null (no persist line, no cookie, no such server). */
    public static Server server(Proxy be, RequestBuffer b) {
        String name = be.persist().rdpCookie();
        if (name == null || b == null) {
            return null;
        }
        String v = RdpCookie.value(b, name);
        if (v == null) {
            return null;
        }
        long[] addr = strtoul(v, 0);
        if (addr[1] >= v.length() || v.charAt((int) addr[1]) != '.') {
            return null;
        }
        long[] port = strtoul(v, (int) addr[1] + 1);
        if (port[1] >= v.length() || v.charAt((int) port[1]) != '.') {
            return null;
        }
        // the integers are the in-memory (little-endian here, as on haproxy's x86 hosts) network-order values
        long a = addr[0];
        InetAddress ip;
        try {
            ip = InetAddress.getByAddress(new byte[] {(byte) a, (byte) (a >> 8), (byte) (a >> 16), (byte) (a >> 24)});
        } catch (UnknownHostException e) {
            return null;
        }
        int p = (int) (((port[0] & 0xff) << 8) | ((port[0] >> 8) & 0xff));
        boolean persistDown = be.persist().persist();
        for (Server s : be.servers()) {
            if (s.ip() instanceof Inet4Address && s.port() == p && s.ip().equals(ip)) {
                if (s.state() != ServerState.STOPPED || persistDown) {
                    return s;
                }
                break;
            }
        }
        return null;
    }

    /** C's strtoul(s + from, &amp;end, 10): {value, end}; end is {@code from} when no digit was read. */
    private static long[] strtoul(String s, int from) {
        int p = from;
        while (p < s.length() && Character.isWhitespace(s.charAt(p))) {
            p++;
        }
        boolean neg = false;
        if (p < s.length() && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            neg = s.charAt(p) == '-';
            p++;
        }
        int digits = p;
        long v = 0;
        while (p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
            v = v * 10 + (s.charAt(p) - '0');
            p++;
        }
        if (p == digits) {
            return new long[] {0, from};
        }
        return new long[] {neg ? -v : v, p};
    }
}
