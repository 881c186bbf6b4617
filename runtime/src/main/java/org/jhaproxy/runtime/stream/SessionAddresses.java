package org.jhaproxy.runtime.stream;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;

/**
 * The addresses a client connection's session stands for (haproxy's sess->src / sess->dst, else
 * the origin connection's): the socket's peer and local address, until a PROXY protocol header
 * ("accept-proxy", "expect-proxy layer4") or a "tcp-request connection set-src|set-dst..." rule
 * replaces them. Every stream of the connection starts from them: src/dst fetches, the log's
 * %ci/%cp/%fi/%fp, "option forwardfor", "balance source", stick tables, "show sess", and the
 * destination of a server without an address. Null on a UNIX socket.
 */
public final class SessionAddresses {
    private static final AttributeKey<SessionAddresses> KEY = AttributeKey.valueOf("jhaproxy.session-addresses");

    private volatile InetSocketAddress src;
    private volatile InetSocketAddress dst;
    private volatile boolean expectProxy;

    private SessionAddresses(InetSocketAddress src, InetSocketAddress dst) {
        this.src = src;
        this.dst = dst;
    }

    /** The addresses of the session of client connection {@code ch}, its socket's until changed. */
    public static SessionAddresses of(Channel ch) {
        SessionAddresses a = ch.attr(KEY).get();
        if (a == null) {
            a = new SessionAddresses(ServerConnector.ip(ch.remoteAddress()), ServerConnector.ip(ch.localAddress()));
            SessionAddresses prev = ch.attr(KEY).setIfAbsent(a);
            if (prev != null) {
                a = prev;
            }
        }
        return a;
    }

    /** The client's address: %ci:%cp, "src". */
    public InetSocketAddress src() {
        return src;
    }

    /** The address the client reached: %fi:%fp, "dst". */
    public InetSocketAddress dst() {
        return dst;
    }

    public void src(InetSocketAddress a) {
        this.src = a;
    }

    public void dst(InetSocketAddress a) {
        this.dst = a;
    }

    /** "tcp-request connection expect-proxy layer4": the session's addresses come from a PROXY header. */
    public void expectProxyHeader() {
        this.expectProxy = true;
    }

    public boolean expectsProxyHeader() {
        return expectProxy;
    }
}
