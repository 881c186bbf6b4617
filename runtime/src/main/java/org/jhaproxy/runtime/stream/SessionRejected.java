package org.jhaproxy.runtime.stream;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.util.ReferenceCountUtil;

/**
 * The close of a connection whose session a "tcp-request session" rule rejected. haproxy never
 * read what the client sent after its PROXY header (it only peeked at the header), so closing
 * on those unread bytes makes the kernel send a reset; jhaproxy may have read them already with
 * the header, so it resets the connection itself when any reach the end of the pipeline, and
 * closes it normally otherwise.
 */
final class SessionRejected extends ChannelInboundHandlerAdapter {
    private boolean unread;

    private SessionRejected() {
    }

    /** Closes {@code ch} once the bytes already read with the handshakes have come through. */
    static void close(Channel ch) {
        SessionRejected r = new SessionRejected();
        ch.pipeline().addLast(r);
        ch.eventLoop().execute(() -> {
            if (r.unread && ch.isActive()) {
                ch.config().setOption(ChannelOption.SO_LINGER, 0);
            }
            ch.close();
        });
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        unread = true;
        ReferenceCountUtil.release(msg);
    }
}
