package org.jhaproxy.runtime.cli;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jhaproxy.runtime.stream.LiveStream;

/**
 * The Netty side of a stats socket connection: bytes in, the session's answer out, the close
 * when the session ends, and the idle timeout ("stats timeout", 10s by default) after which
 * haproxy closes a silent CLI connection.
 */
final class CliHandler extends ChannelInboundHandlerAdapter {
    private final CliSession session;
    /** The stats socket's listener id, which "show sess" prints for a UNIX socket's streams. */
    private final int luid;
    private ScheduledFuture<?> idle;
    /** Registered on the ring this session follows ("show events -w"), null otherwise. */
    private Runnable ringWatch;
    private org.jhaproxy.runtime.sink.Ring watchedRing;
    /** A push of new events is scheduled on this connection's event loop and has not run yet. */
    private final AtomicBoolean wakePending = new AtomicBoolean();

    CliHandler(CliSession session, int luid) {
        this.session = session;
        this.luid = luid;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (ctx.channel() instanceof io.netty.channel.unix.UnixChannel u) {
            session.fd(u.fd().intValue());
        }
        // the CLI applet runs in a stream of its own, listed by "show sess" and ended by "shutdown session"
        session.stream(session.engine().streams().addCli(ctx.channel(), luid, new LiveStream.Target(LiveStream.Kind.CLI,
                () -> null, () -> null, () -> null, why -> ctx.close())));
        armTimeout(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        String bytes;
        try {
            bytes = buf.toString(StandardCharsets.ISO_8859_1);
        } finally {
            buf.release();
        }
        answer(ctx, session.received(bytes, false));
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            answer(ctx, session.received("", true));
        }
        ctx.fireUserEventTriggered(evt);
    }

    private void answer(ChannelHandlerContext ctx, String out) {
        if (!ctx.channel().isActive()) {
            return;
        }
        if (!out.isEmpty()) {
            session.sockets().sent(out.length());
            ctx.write(Unpooled.wrappedBuffer(out.getBytes(StandardCharsets.ISO_8859_1)));
        }
        if (session.ended()) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.flush();
            // a session following a ring times out 10s after the last event it was sent, as haproxy's
            if (!out.isEmpty() || !session.following()) {
                armTimeout(ctx);
            }
        }
        watchRing(ctx);
    }

    /** Starts or stops being told of the writes into the ring the session follows. */
    private void watchRing(ChannelHandlerContext ctx) {
        if (session.following() && ringWatch == null && !session.ended()) {
            ringWatch = () -> {
                // runs on the thread that wrote the event (any event loop): only schedule, once per batch
                if (wakePending.compareAndSet(false, true)) {
                    ctx.executor().execute(() -> {
                        wakePending.set(false);
                        push(ctx);
                    });
                }
            };
            watchedRing = session.reader().ring();
            watchedRing.watch(ringWatch);
            push(ctx); // what was written since the answer
        } else if ((!session.following() || session.ended()) && ringWatch != null) {
            unwatchRing();
        }
    }

    private void unwatchRing() {
        if (ringWatch != null) {
            watchedRing.unwatch(ringWatch);
            ringWatch = null;
            watchedRing = null;
        }
    }

    /** Sends the ring's new events, unless the client is not reading (it gets them when it does). */
    private void push(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) {
            answer(ctx, session.woken());
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (session.following()) {
            push(ctx);
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void armTimeout(ChannelHandlerContext ctx) {
        if (idle != null) {
            idle.cancel(false);
        }
        idle = ctx.executor().schedule(() -> {
            if (session.following()) {
                // haproxy ends the command with its prompt, then closes
                answer(ctx, session.expired());
            } else {
                ctx.close();
            }
        }, session.timeoutMs(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        session.sockets().closed();
        session.engine().streams().remove(session.stream());
        unwatchRing();
        if (idle != null) {
            idle.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
