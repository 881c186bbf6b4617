package org.jhaproxy.runtime.check;

import java.net.InetSocketAddress;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.model.ServerConfig;
import org.jhaproxy.config.model.TimeoutKind;
import org.jhaproxy.config.sample.Units;

/**
 * A server's check parameters (server keywords "inter", "fastinter", "downinter", "rise",
 * "fall", "port", "addr", and the backend's "timeout check" / "timeout connect" / "option
 * log-health-checks"), resolved once.
 * Defaults are haproxy's: inter 2s, rise 2, fall 3; fastinter and downinter default to inter.
 */
record CheckSettings(long inter, long fastinter, long downinter, int rise, int fall, InetSocketAddress address,
                     long connectTimeout, long readTimeout, boolean logHealthChecks, boolean disableOn404) {

    static CheckSettings of(ServerConfig s, ProxyConfig backend, InetSocketAddress serverAddress) {
        long inter = time(s, "inter", 2000);
        long fast = time(s, "fastinter", 0);
        long down = time(s, "downinter", 0);
        int rise = s.number("rise", 2);
        int fall = s.number("fall", 3);
        String host = s.option("addr", null);
        int port = s.number("port", serverAddress.getPort());
        InetSocketAddress a = host == null ? new InetSocketAddress(serverAddress.getAddress(), port)
                : new InetSocketAddress(host, port);
        // "timeout check" set: the connect timeout is min(timeout connect, inter) and "timeout
        // check" bounds the rest; unset: "inter" bounds the whole check
        return new CheckSettings(inter, fast, down, rise, fall, a, connectTimeout(backend, inter), readTimeout(backend, inter),
                backend.option("log-health-checks"), disableOn404(backend));
    }

    /**
     * The agent check's parameters: "agent-inter" (2s by default, not "inter"), rise and fall
     * 1, the agent at "agent-addr" (else "addr", else the server's address) and "agent-port"
     * (else "port").
     */
    static CheckSettings agent(ServerConfig s, ProxyConfig backend, InetSocketAddress serverAddress) {
        long inter = time(s, "agent-inter", 2000);
        String host = s.option("agent-addr", s.option("addr", null));
        int port = s.number("agent-port", s.number("port", 0));
        InetSocketAddress a = host == null ? new InetSocketAddress(serverAddress.getAddress(), port)
                : new InetSocketAddress(host, port);
        return new CheckSettings(inter, 0, 0, 1, 1, a, connectTimeout(backend, inter), readTimeout(backend, inter),
                backend.option("log-health-checks"), false);
    }

    /** The same parameters toward another address ("set server ... check-addr|agent-addr..."). */
    CheckSettings at(InetSocketAddress to) {
        return to.equals(address) ? this : new CheckSettings(inter, fastinter, downinter, rise, fall, to, connectTimeout,
                readTimeout, logHealthChecks, disableOn404);
    }

    /** "http-check disable-on-404" is a flag of the proxy (PR_O_DISABLE404), a defaults section's included. */
    private static boolean disableOn404(ProxyConfig backend) {
        for (org.jhaproxy.config.source.Line l : backend.lines()) {
            if (l.keyword().equals("http-check") && l.arg(1).equals("disable-on-404")) {
                return true;
            }
        }
        return false;
    }

    private static long connectTimeout(ProxyConfig backend, long inter) {
        long check = backend.timeout(TimeoutKind.CHECK);
        long connect = backend.timeout(TimeoutKind.CONNECT);
        return check > 0 && connect > 0 ? Math.min(connect, inter) : inter;
    }

    private static long readTimeout(ProxyConfig backend, long inter) {
        long check = backend.timeout(TimeoutKind.CHECK);
        return check > 0 ? check : inter;
    }

    private static long time(ServerConfig s, String option, long dflt) {
        String v = s.option(option, null);
        Long ms = v == null ? null : Units.parseTime(v);
        return ms == null ? dflt : ms;
    }
}
