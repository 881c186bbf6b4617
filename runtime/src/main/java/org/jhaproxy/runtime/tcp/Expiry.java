package org.jhaproxy.runtime.tcp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/** Tells the stream when a side stayed idle past its timeout (client, server, tunnel or fin). */
final class Expiry extends ChannelInboundHandlerAdapter {
    private final HalfClose directions;

    Expiry(HalfClose directions) {
        this.directions = directions;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            directions.expired(ctx.channel());
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }
}
