package org.jhaproxy.runtime.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.jhaproxy.runtime.server.Server;

/**
 * The server side of an HTTP connection: hands the decoded response parts to the stream that
 * currently owns the connection. An idle connection has no owner; anything it receives then is
 * unexpected and the connection is dropped, as haproxy drops an idle connection that speaks.
 */
public final class ServerSide extends ChannelInboundHandlerAdapter {
    private final Server server;
    private HttpStream owner;
    /** The connection ended on an error (a reset), not on the server's close. */
    private boolean reset;

    public ServerSide(Server server) {
        this.server = server;
    }

    public Server server() {
        return server;
    }

    void owner(HttpStream stream) {
        this.owner = stream;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (owner == null) {
            ReferenceCountUtil.release(msg);
            ctx.close();
            return;
        }
        owner.responsePart(msg);
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.responseReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (owner != null) {
            owner.serverWritabilityChanged();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        server.idle().remove(ctx.channel());
        if (owner != null) {
            HttpStream o = owner;
            owner = null;
            o.serverClosed();
        }
    }

    /**
     * The server shut its side (the connection allows half-closure for TCP mode): Netty's
     * decoder has already ended a close-delimited response; the connection is of no further
     * use, so it is closed and the owner learns it as a server close.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    /** The connection ended on an error (the server reset it) rather than on a close. */
    boolean reset() {
        return reset;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        reset |= cause instanceof java.io.IOException;
        ctx.close();
    }
}
