package org.jhaproxy.runtime.tcp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;

/**
 * Forwards the bytes read on one side of a TCP stream to the other side, as they come: reading
 * stops while the other side cannot take more (back-pressure), a shutdown of the input becomes a
 * shutdown of the other side's output (half-close), and the stream ends once both directions
 * are closed.
 */
public final class Relay extends ChannelInboundHandlerAdapter {
    private final Channel peer;
    private final TcpStream stream;

    public Relay(Channel peer, TcpStream stream) {
        this.peer = peer;
        this.stream = stream;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
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
            stream.inputClosed(ctx.channel());
            if (peer instanceof DuplexChannel d && peer.isActive()) {
                peer.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> d.shutdownOutput());
                stream.outputShut(peer);
            }
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stream.closed(ctx.channel());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a reset or broken pipe ends the stream; nothing escapes to the event loop's logger
        stream.failed(ctx.channel());
    }
}
