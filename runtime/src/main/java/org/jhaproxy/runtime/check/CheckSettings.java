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
                     long connectTimeout, long readTimeout, boolean logHealthChecks) {

    static CheckSettings of(ServerConfig s, ProxyConfig backend, InetSocketAddress serverAddress) {
        long inter = time(s, "inter", 2000);
        long fast = time(s, "fastinter", 0);
        long down = time(s, "downinter", 0);
        int rise = Integer.parseInt(s.option("rise", "2"));
        int fall = Integer.parseInt(s.option("fall", "3"));
        String host = s.option("addr", null);
        int port = Integer.parseInt(s.option("port", String.valueOf(serverAddress.getPort())));
        InetSocketAddress a = host == null ? new InetSocketAddress(serverAddress.getAddress(), port)
                : new InetSocketAddress(host, port);
        // "timeout check" set: the connect timeout is min(timeout connect, inter) and "timeout
        // check" bounds the rest; unset: "inter" bounds the whole check
        long check = backend.timeout(TimeoutKind.CHECK);
        long connect = backend.timeout(TimeoutKind.CONNECT);
        long connectTimeout = check > 0 && connect > 0 ? Math.min(connect, inter) : inter;
        long readTimeout = check > 0 ? check : inter;
        return new CheckSettings(inter, fast, down, rise, fall, a, connectTimeout, readTimeout,
                backend.option("log-health-checks"));
    }

    private static long time(ServerConfig s, String option, long dflt) {
        String v = s.option(option, null);
        Long ms = v == null ? null : Units.parseTime(v);
        return ms == null ? dflt : ms;
    }
}
