package org.jhaproxy.runtime.check;

import io.netty.channel.Channel;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.jhaproxy.runtime.sample.Sample;

/**
 * Where a "connect" rule goes and what it sends first (tcpcheck_eval_connect()): the rule's
 * address, else the server's check address; the rule's port, else its port expression's value,
 * else the rule address's port, else the check port. With "send-proxy" the connection starts
 * with a PROXY v1 line naming the check connection itself, as a check has no client
 * (make_proxy_line() with the connection as the remote).
 */
final class CheckConnect {
    private CheckConnect() {
    }

    static InetSocketAddress target(CheckRule.Connect c, InetSocketAddress check, CheckSession session) {
        java.net.InetAddress addr = c.addr() != null ? c.addr().getAddress() : check.getAddress();
        int port = c.port();
        if (port == 0 && c.portExpr() != null) {
            port = portOf(c, session);
        }
        if (port == 0 && c.addr() != null) {
            port = c.addr().getPort();
        }
        if (port == 0) {
            port = check.getPort();
        }
        return new InetSocketAddress(addr, port);
    }

    private static int portOf(CheckRule.Connect c, CheckSession session) {
        try {
            Sample v = c.portExpr().eval(session.context());
            Long n = v == null ? null : v.asLong();
            return n == null || n < 0 || n > 65535 ? 0 : (int) (long) n;
        } catch (RuntimeException noValue) {
            return 0;
        }
    }

    /** "PROXY TCP4 src dst sport dport\r\n" of the connection, "PROXY UNKNOWN\r\n" without addresses. */
    static byte[] proxyLine(Channel ch) {
        if (!(ch.localAddress() instanceof InetSocketAddress src) || !(ch.remoteAddress() instanceof InetSocketAddress dst)) {
            return "PROXY UNKNOWN\r\n".getBytes(StandardCharsets.US_ASCII);
        }
        boolean v4 = src.getAddress() instanceof Inet4Address && dst.getAddress() instanceof Inet4Address;
        String line = "PROXY " + (v4 ? "TCP4 " : "TCP6 ") + text(src, v4) + " " + text(dst, v4) + " " + src.getPort() + " "
                + dst.getPort() + "\r\n";
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(InetSocketAddress a, boolean v4) {
        String t = org.jhaproxy.runtime.sample.Addresses.text(a.getAddress());
        return !v4 && a.getAddress() instanceof Inet4Address ? "::ffff:" + t : t;
    }
}
