package org.jhaproxy.runtime.sample;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Function;
import org.jhaproxy.runtime.stream.ClientConnection;
import org.jhaproxy.runtime.stream.ServerConnector;
import org.jhaproxy.runtime.stream.SessionAddresses;

/**
 * The layer 4 fetches of configuration.txt 7.3.3 beyond src/dst: the client connection's own
 * addresses (fc_*: what the PROXY header or "tcp-request connection" rules made of them, not
 * the stream's "set-src"), the server connection's (bc_*), whether an address is local, the
 * listener's connections (dst_conn) and its id and name (so_id, so_name), and the connection's
 * protocol facts.
 */
final class ConnectionFetches {
    private ConnectionFetches() {
    }

    static void register(Map<String, Fetches.Factory> m) {
        m.put("fc_src", (a, s) -> c -> address(connection(c, true)));
        m.put("fc_dst", (a, s) -> c -> address(connection(c, false)));
        m.put("fc_src_port", (a, s) -> c -> port(connection(c, true)));
        m.put("fc_dst_port", (a, s) -> c -> port(connection(c, false)));
        m.put("src_is_local", (a, s) -> c -> local(c.src()));
        m.put("dst_is_local", (a, s) -> c -> local(c.dst()));
        m.put("fc_src_is_local", (a, s) -> c -> local(connection(c, true)));
        m.put("fc_dst_is_local", (a, s) -> c -> local(connection(c, false)));
        m.put("bc_src", (a, s) -> c -> address(server(c, Channel::localAddress)));
        m.put("bc_dst", (a, s) -> c -> address(server(c, ch -> org.jhaproxy.runtime.proxyprotocol.Socks4Handshake.destination(ch))));
        m.put("bc_src_port", (a, s) -> c -> port(server(c, Channel::localAddress)));
        m.put("bc_dst_port", (a, s) -> c -> port(server(c, ch -> org.jhaproxy.runtime.proxyprotocol.Socks4Handshake.destination(ch))));
        m.put("dst_conn", (a, s) -> c -> {
            ClientConnection cc = ClientConnection.of(c.client());
            return cc == null ? null : Sample.sint(cc.listener().connections());
        });
        m.put("so_id", (a, s) -> c -> {
            ClientConnection cc = ClientConnection.of(c.client());
            return cc == null ? null : Sample.sint(cc.listener().luid());
        });
        m.put("so_name", (a, s) -> c -> {
            ClientConnection cc = ClientConnection.of(c.client());
            return cc == null || cc.listener().bind().name() == null ? null : Sample.str(cc.listener().bind().name());
        });
        m.put("fc_rcvd_proxy", (a, s) -> c -> {
            ClientConnection cc = ClientConnection.of(c.client());
            return cc == null ? null : Sample.bool(cc.proxyHeaderReceived());
        });
        // the H1 mux is jhaproxy's only HTTP one: 1 on an HTTP connection, none on a raw (TCP)
        // one nor before the mux exists (the tcp-request connection and session rules)
        m.put("fc_http_major", (a, s) -> c -> c.client() != null && c.session() == null && c.frontend().isHttp() ? Sample.sint(1) : null);
        m.put("bc_http_major", (a, s) -> c -> c.serverConnection() != null && c.backend().isHttp() ? Sample.sint(1) : null);
    }

    /**
     * The connection's address (conn->src or conn->dst): the socket's, as "tcp-request
     * connection" rules changed it; a PROXY header changes the session's only.
     */
    private static InetSocketAddress connection(SampleContext c, boolean source) {
        Channel ch = c.client();
        if (ch == null) {
            return null;
        }
        ClientConnection cc = ClientConnection.of(ch);
        if (cc != null && cc.proxyHeaderReceived()) {
            return ServerConnector.ip(source ? ch.remoteAddress() : ch.localAddress());
        }
        SessionAddresses a = SessionAddresses.of(ch);
        return source ? a.src() : a.dst();
    }

    private static InetSocketAddress server(SampleContext c, Function<Channel, java.net.SocketAddress> which) {
        Channel ch = c.serverConnection();
        return ch == null ? null : ServerConnector.ip(which.apply(ch));
    }

    private static Sample address(InetSocketAddress a) {
        return a == null ? null : Sample.addr(a.getAddress());
    }

    private static Sample port(InetSocketAddress a) {
        return a == null ? null : Sample.sint(a.getPort());
    }

    /** addr_is_local(): the address belongs to one of the host's interfaces. */
    private static Sample local(InetSocketAddress a) {
        if (a == null) {
            return null;
        }
        InetAddress ip = a.getAddress();
        if (ip.isLoopbackAddress() || ip.isAnyLocalAddress()) {
            return Sample.TRUE;
        }
        return Sample.bool(LocalAddresses.contains(ip));
    }
}
