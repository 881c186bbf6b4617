package org.jhaproxy.runtime.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.function.LongConsumer;

/**
 * Forwards the bytes read on one side of a TCP stream to the other side, as they come: reading
 * stops while the other side cannot take more (back-pressure), and a shutdown of the input ends
 * the direction ({@link HalfClose}). What a side sends after its read timed out is read and
 * dropped, as haproxy does once it shut that side for reading.
 */
final class Relay extends ChannelInboundHandlerAdapter {
    private final Channel peer;
    private final HalfClose directions;
    private final LongConsumer forwarded;

    Relay(Channel peer, HalfClose directions, LongConsumer forwarded) {
        this.peer = peer;
        this.directions = directions;
        this.forwarded = forwarded;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!directions.forwards(ctx.channel())) {
            ReferenceCountUtil.release(msg);
            return;
        }
        directions.active(ctx.channel());
        directions.active(peer);
        if (msg instanceof ByteBuf b) {
            forwarded.accept(b.readableBytes());
        }
        // ownership of msg passes to the write, which releases it once written or failed
        peer.write(msg, peer.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        peer.flush();
        if (peer.isWritable()) {
            ctx.read();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        // our side drained: the peer may read again
        if (ctx.channel().isWritable() && peer.isActive()) {
            peer.read();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            directions.inputClosed(ctx.channel());
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        directions.closed(ctx.channel());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset or broken pipe ends the stream; nothing escapes to the event loop's logger
        directions.failed(ctx.channel());
    }
}
