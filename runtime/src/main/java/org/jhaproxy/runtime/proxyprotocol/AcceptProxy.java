package org.jhaproxy.runtime.proxyprotocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.ProtocolDetectionResult;
import io.netty.handler.codec.ProtocolDetectionState;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.codec.haproxy.HAProxyProtocolException;
import io.netty.handler.codec.haproxy.HAProxyProtocolVersion;
import io.netty.handler.codec.haproxy.HAProxyProxiedProtocol;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.runtime.listener.Listener;
import org.jhaproxy.runtime.stream.SessionAddresses;

/**
 * conn_recv_proxy() for "bind ... accept-proxy" and "tcp-request connection expect-proxy
 * layer4": before a connection becomes a session, its first read must hold a whole PROXY
 * protocol header (v1 text or v2 binary, decoded by Netty's {@link HAProxyMessageDecoder}),
 * whose TCP4/TCP6 addresses become the session's source and destination (LOCAL, UNKNOWN and
 * other families keep the socket's). A missing, partial or invalid header, or none within
 * "timeout client", kills the embryonic session: the connection is closed (reset when bytes
 * were left unread) and the frontend logs the reason as session_kill_embryonic() does.
 */
public final class AcceptProxy extends ChannelInboundHandlerAdapter {
    /** conn_err_code_str() of the PROXY protocol errors. */
    enum Failure {
        EMPTY("Connection closed while waiting for PROXY protocol header"),
        ABORT("Connection error while waiting for PROXY protocol header"),
        TIMEOUT("Timeout while waiting for PROXY protocol header"),
        TRUNCATED("Truncated PROXY protocol header received"),
        NOT_HDR("Received something which does not look like a PROXY protocol header"),
        BAD_HDR("Received an invalid PROXY protocol header"),
        BAD_PROTO("Received an unhandled protocol in the PROXY protocol header");

        final String message;

        Failure(String message) {
            this.message = message;
        }
    }

    private static final byte[] V1_PREFIX = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final String[] V1_PROTOCOLS = {"TCP4 ", "TCP6 ", "UNKNOWN\r\n"};

    private final Listener listener;
    private final Runnable sessionComplete;
    private final long acceptMicros = System.currentTimeMillis() * 1000;
    private ScheduledFuture<?> timer;
    private boolean finished;

    private AcceptProxy(Listener listener, Runnable sessionComplete) {
        this.listener = listener;
        this.sessionComplete = sessionComplete;
    }

    /**
     * Makes {@code ch} wait for its PROXY header; {@code sessionComplete} then installs the
     * stream's handlers at the end of the pipeline, which receive channelActive and the bytes that
     * followed the header.
     */
    public static void install(Channel ch, Listener listener, Runnable sessionComplete) {
        AcceptProxy a = new AcceptProxy(listener, sessionComplete);
        ch.pipeline().addLast("accept-proxy", a);
        ch.pipeline().addLast("proxy-decoder", new HAProxyMessageDecoder());
        ch.pipeline().addLast("proxy-header", a.new Received());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        long t = listener.frontend().timeouts().client();
        if (t > 0) {
            timer = ctx.executor().schedule(() -> fail(ctx.channel(), Failure.TIMEOUT, false), t, TimeUnit.MILLISECONDS);
        }
        ctx.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (finished || !(msg instanceof ByteBuf b)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        Failure early = classify(b);
        if (early != null) {
            b.release();
            fail(ctx.channel(), early, true);
            return;
        }
        // Netty's decoder closes the connection itself on a bad header: it must go out as the reset
        // haproxy's close on unread bytes gives (undone once the header is good)
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.fireChannelRead(b);
        if (!finished) {
            // haproxy peeks at the first read only: a header that is not whole in it is truncated
            fail(ctx.channel(), Failure.TRUNCATED, true);
        }
    }

    /**
     * What haproxy decides from the first bytes alone, before decoding: too few to tell, not a
     * header of either version, or a v1 header of a protocol it does not handle. Null when the
     * decoder is to read it.
     */
    private static Failure classify(ByteBuf b) {
        int n = b.readableBytes();
        if (n < V1_PREFIX.length) {
            return Failure.TRUNCATED;
        }
        if (startsWith(b, b.readerIndex(), V1_PREFIX)) {
            for (String p : V1_PROTOCOLS) {
                byte[] pb = p.getBytes(StandardCharsets.US_ASCII);
                if (n < V1_PREFIX.length + pb.length) {
                    return Failure.TRUNCATED;
                }
                if (startsWith(b, b.readerIndex() + V1_PREFIX.length, pb)) {
                    return null;
                }
            }
            return Failure.BAD_PROTO;
        }
        if (n < 16) {
            return Failure.TRUNCATED;
        }
        ProtocolDetectionResult<HAProxyProtocolVersion> r = HAProxyMessageDecoder.detectProtocol(b);
        return r.state() == ProtocolDetectionState.DETECTED && r.detectedProtocol() == HAProxyProtocolVersion.V2
                ? null : Failure.NOT_HDR;
    }

    private static boolean startsWith(ByteBuf b, int at, byte[] prefix) {
        return ByteBufUtil.equals(b, at, io.netty.buffer.Unpooled.wrappedBuffer(prefix), 0, prefix.length);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent && !finished) {
            fail(ctx.channel(), Failure.EMPTY, false);
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!finished) {
            fail(ctx.channel(), Failure.ABORT, false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!finished) {
            fail(ctx.channel(), Failure.ABORT, false);
            return;
        }
        ctx.fireExceptionCaught(cause);
    }

    private void fail(Channel ch, Failure f, boolean unreadBytes) {
        if (finished) {
            return;
        }
        finished = true;
        cancelTimer();
        org.jhaproxy.runtime.log.ProxyLog log = listener.frontend().log();
        if (log != null) {
            log.embryonicKilled(SessionAddresses.of(ch).src(), acceptMicros, listener.logName(), f.message,
                    f == Failure.EMPTY || f == Failure.ABORT);
        }
        if (unreadBytes && ch.isActive()) {
            // haproxy only peeked at the bytes: closing on them unread makes the kernel send a reset
            ch.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        ch.close();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** Behind the decoder: its header, or why it refused the bytes. */
    private final class Received extends ChannelInboundHandlerAdapter {
        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            // the stream's handlers are not there yet: they get their channelActive with the header
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof HAProxyMessage m)) {
                ctx.fireChannelRead(msg);
                return;
            }
            try {
                if (finished) {
                    return;
                }
                finished = true;
                cancelTimer();
                org.jhaproxy.runtime.stream.ClientConnection c = org.jhaproxy.runtime.stream.ClientConnection.of(ctx.channel());
                if (c != null) {
                    c.proxyHeaderReceived(true);
                }
                if (m.proxiedProtocol() == HAProxyProxiedProtocol.TCP4 || m.proxiedProtocol() == HAProxyProxiedProtocol.TCP6) {
                    SessionAddresses a = SessionAddresses.of(ctx.channel());
                    a.src(new InetSocketAddress(org.jhaproxy.runtime.sample.Addresses.parse(m.sourceAddress()), m.sourcePort()));
                    a.dst(new InetSocketAddress(org.jhaproxy.runtime.sample.Addresses.parse(m.destinationAddress()),
                            m.destinationPort()));
                }
            } finally {
                m.release();
            }
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, -1);
            ctx.pipeline().remove("accept-proxy");
            sessionComplete.run();
            ctx.fireChannelActive();
            // the decoder removes itself next and hands what followed the header to the stream
            ctx.pipeline().remove(this);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!finished && cause instanceof HAProxyProtocolException) {
                fail(ctx.channel(), Failure.BAD_HDR, true);
                return;
            }
            ctx.fireExceptionCaught(cause);
        }
    }
}
