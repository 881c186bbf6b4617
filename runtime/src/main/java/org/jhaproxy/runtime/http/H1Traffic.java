package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import org.jhaproxy.runtime.proxy.H1Counters;

/**
 * The h1 stats module's view of a client or server connection: open and total connections and the raw
 * bytes received and sent (h1_bytes_in, h1_bytes_out), counted below the H1 parser and writer.
 */
final class H1Traffic extends ChannelDuplexHandler {
    private final H1Counters counters;

    H1Traffic(H1Counters counters) {
        this.counters = counters;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        counters.connections.increment();
        counters.openConnections.increment();
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        counters.openConnections.decrement();
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf b) {
            counters.bytesIn.add(b.readableBytes());
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf b) {
            counters.bytesOut.add(b.readableBytes());
        }
        ctx.write(msg, promise);
    }
}
