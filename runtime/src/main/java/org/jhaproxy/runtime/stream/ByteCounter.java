package org.jhaproxy.runtime.stream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * Counts the bytes a client connection receives and sends, at the socket (before any decoding),
 * for the log line's %U and %B. Installed only on frontends whose streams are logged.
 */
public final class ByteCounter extends ChannelDuplexHandler {
    public static final String NAME = "byte-counter";

    private long in;
    private long out;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        in += size(msg);
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        out += size(msg);
        ctx.write(msg, promise);
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf b) {
            return b.readableBytes();
        }
        if (msg instanceof ByteBufHolder h) {
            return h.content().readableBytes();
        }
        return 0;
    }

    /** Bytes received since the connection was accepted. */
    public long received() {
        return in;
    }

    /** Bytes sent since the connection was accepted. */
    public long sent() {
        return out;
    }
}
