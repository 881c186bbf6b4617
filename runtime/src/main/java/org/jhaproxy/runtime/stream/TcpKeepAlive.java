package org.jhaproxy.runtime.stream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import java.util.Set;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * "option clitcpka" / "option srvtcpka" / "option tcpka" (configuration.txt 4.2): TCP
 * keep-alive (SO_KEEPALIVE) on the client connections a frontend accepts and on the server
 * connections a backend makes, so that an idle connection's peer is probed by the kernel. The
 * probe timing stays the system's (tcp_keepalive_*), as haproxy leaves it without clitcpka-idle...
 * "option tcpka" is recorded by the configuration as clitcpka on a frontend, srvtcpka on a backend.
 */
public final class TcpKeepAlive {
    public static final Set<String> EXECUTED = Set.of("proxy option tcpka", "proxy option clitcpka",
            "proxy option srvtcpka");

    private TcpKeepAlive() {
    }

    /** An accepted client connection of {@code frontend}. */
    static void client(Channel ch, Proxy frontend) {
        if (frontend.config().option("clitcpka")) {
            ch.config().setOption(ChannelOption.SO_KEEPALIVE, true);
        }
    }

    /** The connections {@code b} makes to the servers of {@code backend}. */
    static void server(Bootstrap b, Proxy backend) {
        if (backend.config().option("srvtcpka")) {
            b.option(ChannelOption.SO_KEEPALIVE, true);
        }
    }
}
