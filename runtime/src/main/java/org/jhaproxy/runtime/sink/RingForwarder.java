package org.jhaproxy.runtime.sink;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.runtime.Transport;

/**
 * A ring's "server" (sink.c's forward applets): one TCP connection to a syslog server sending
 * every event of the ring, the oldest kept first, then each new one as it is written. An event
 * is framed as "EVENT\n" or, with "log-proto octet-count", as "LEN EVENT" (RFC 6587). What the
 * server sends is drained. A closed or failed connection is made again, going on from the
 * first event not sent.
 */
final class RingForwarder {
    /** The pause before connecting again after a failure, so that a dead server is not hammered. */
    private static final long RETRY_MS = 1000;

    private final Ring ring;
    private final InetSocketAddress server;
    private final boolean octetCounting;
    private final long connectTimeout;
    private final Transport transport;
    private final EventLoop loop;
    private final Runnable wakeup = this::wakeUp;
    private long next = -1;
    private Channel channel;
    private boolean stopped;

    RingForwarder(Ring ring, InetSocketAddress server, boolean octetCounting, long connectTimeout, Transport transport) {
        this.ring = ring;
        this.server = server;
        this.octetCounting = octetCounting;
        this.connectTimeout = connectTimeout;
        this.transport = transport;
        this.loop = transport.group().next();
    }

    void start() {
        ring.watch(wakeup);
        loop.execute(this::connect);
    }

    void stop() {
        ring.unwatch(wakeup);
        loop.execute(() -> {
            stopped = true;
            if (channel != null) {
                channel.close();
            }
        });
    }

    private void connect() {
        if (stopped) {
            return;
        }
        Bootstrap b = new Bootstrap().group(loop).channelFactory(transport.socketChannelFor(server))
                .handler(new ChannelInboundHandlerAdapter() {
                    @Override
                    public void channelRead(ChannelHandlerContext ctx, Object msg) {
                        ReferenceCountUtil.release(msg);
                    }

                    @Override
                    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                        send();
                    }

                    @Override
                    public void channelInactive(ChannelHandlerContext ctx) {
                        channel = null;
                        loop.schedule(RingForwarder.this::connect, RETRY_MS, TimeUnit.MILLISECONDS);
                    }

                    @Override
                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                        ctx.close();
                    }
                });
        if (connectTimeout > 0) {
            b.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout));
        }
        b.connect(server).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                loop.schedule(this::connect, RETRY_MS, TimeUnit.MILLISECONDS);
                return;
            }
            channel = f.channel();
            if (stopped) {
                channel.close();
                return;
            }
            send();
        });
    }

    private void wakeUp() {
        loop.execute(this::send);
    }

    /** Writes the events not sent yet, while the connection takes them. */
    private void send() {
        Channel c = channel;
        if (c == null || !c.isActive() || !c.isWritable()) {
            // back-pressure: a slow server gets the rest when its socket drains
            return;
        }
        Ring.Batch batch = ring.from(next < 0 ? 0 : next);
        next = batch.next();
        if (batch.events().isEmpty()) {
            return;
        }
        for (byte[] e : batch.events()) {
            ByteBuf buf = c.alloc().buffer(e.length + 12);
            if (octetCounting) {
                buf.writeCharSequence(e.length + " ", StandardCharsets.US_ASCII);
                buf.writeBytes(e);
            } else {
                buf.writeBytes(e).writeByte('\n');
            }
            c.write(buf, c.voidPromise());
        }
        c.flush();
    }
}
