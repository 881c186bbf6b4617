package org.jhaproxy.runtime.check;

import java.net.InetSocketAddress;
import org.jhaproxy.runtime.sample.Sample;

/**
 * Where a "connect" rule goes (tcpcheck_eval_connect()): the rule's
 * address, else the server's check address; the rule's port, else its port expression's value,
 * else the rule address's port, else the check port. What goes below the rules ("send-proxy",
 * "via-socks4") is {@link CheckLayers}'.
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
}
