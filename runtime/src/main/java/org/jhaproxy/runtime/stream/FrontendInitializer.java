package org.jhaproxy.runtime.stream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import org.jhaproxy.runtime.http.HttpLimits;
import org.jhaproxy.runtime.http.HttpStream;
import org.jhaproxy.runtime.listener.Listener;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.tcp.TcpStream;

/**
 * Sets up an accepted connection for its frontend's mode: a TCP stream, or the HTTP/1.1
 * codec and an HTTP stream. The listener counted it already.
 */
public final class FrontendInitializer extends ChannelInitializer<Channel> {
    private final StreamContext ctx;
    private final Listener listener;
    private final HttpLimits limits;

    public FrontendInitializer(StreamContext ctx, Listener listener) {
        this.ctx = ctx;
        this.listener = listener;
        this.limits = HttpLimits.of(ctx.config());
    }

    @Override
    protected void initChannel(Channel ch) {
        Proxy fe = listener.frontend();
        long acceptMicros = System.currentTimeMillis() * 1000;
        ClientConnection.accepted(ch, listener);
        fe.frontendAccepted();
        if (!org.jhaproxy.runtime.action.TcpAnalyzer.acceptConnection(fe, ch)) {
            // "tcp-request connection reject": closed before any stream exists, with a reset as haproxy does
            ch.config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0);
            ch.close();
            return;
        }
        if (listener.bind().acceptProxy() || SessionAddresses.of(ch).expectsProxyHeader()) {
            // the tcp-request connection rules saw the socket's addresses; the session gets the header's
            org.jhaproxy.runtime.proxyprotocol.AcceptProxy.install(ch, listener, () -> sessionComplete(ch, acceptMicros));
            return;
        }
        sessionComplete(ch, acceptMicros);
    }

    /** conn_complete_session(): the session exists, its streams start. */
    private void sessionComplete(Channel ch, long acceptMicros) {
        Proxy fe = listener.frontend();
        if (listener.bind().ssl() == null && !sessionAccepted(ch, acceptMicros)) {
            return;
        }
        ctx.clients().add(ch);
        TcpKeepAlive.client(ch, fe);
        fe.frontendConnection();
        org.jhaproxy.runtime.ssl.BindSsl ssl = listener.bind().ssl();
        if (ssl == null) {
            installStream(ch);
            return;
        }
        // "ssl": the stream starts once the handshake is done, above the TLS handler
        ch.pipeline().addLast("ssl", ssl.newHandler());
        ch.pipeline().addLast(org.jhaproxy.runtime.ssl.HandshakeWait.NAME,
                new org.jhaproxy.runtime.ssl.HandshakeWait(c -> {
                    if (sessionAccepted(c, acceptMicros)) {
                        installStream(c);
                    }
                }));
    }

    /**
     * "tcp-request session" rules, once the handshakes are done. A rejected session is killed
     * as an embryonic one (session_kill_embryonic(): its log line says "Success", the error
     * code being none, and "option dontlognull" drops it).
     */
    private boolean sessionAccepted(Channel ch, long acceptMicros) {
        Proxy fe = listener.frontend();
        if (org.jhaproxy.runtime.action.TcpAnalyzer.acceptSession(fe, ch)) {
            return true;
        }
        if (fe.log() != null) {
            fe.log().embryonicKilled(SessionAddresses.of(ch).src(), acceptMicros, listener.logName(), "Success", true);
        }
        SessionRejected.close(ch);
        return false;
    }

    /** The stream's handlers, for the frontend's mode. */
    private void installStream(Channel ch) {
        Proxy fe = listener.frontend();
        if (fe.log() != null) {
            if (!fe.isHttp()) {
                // a TCP stream exists from the accept; an HTTP one from its parsed request head
                SessionAddresses a = SessionAddresses.of(ch);
                fe.log().accepted(a.src() != null ? a.src() : ch.remoteAddress(), a.dst());
            }
            if (fe.log().logsStreams() && !fe.isHttp()) {
                // an HTTP stream counts its messages' sizes as haproxy does (HTX), not socket bytes;
                // a TCP one the bytes it forwards, so above TLS
                if (ch.pipeline().get(org.jhaproxy.runtime.ssl.HandshakeWait.NAME) != null) {
                    ch.pipeline().addBefore(org.jhaproxy.runtime.ssl.HandshakeWait.NAME, ByteCounter.NAME, new ByteCounter());
                } else {
                    ch.pipeline().addFirst(ByteCounter.NAME, new ByteCounter());
                }
            }
        }
        if (fe.isHttp()) {
            HttpStream.install(ch, ctx, fe, limits);
        } else {
            ch.pipeline().addLast("stream", new TcpStream(ctx, fe, limits.maxHeaderSize()));
        }
    }
}
