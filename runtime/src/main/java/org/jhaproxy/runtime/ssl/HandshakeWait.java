package org.jhaproxy.runtime.ssl;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.util.function.Consumer;

/**
 * Holds an accepted TLS connection until its handshake is done, as haproxy creates the session
 * only then: the stream's handlers are installed after it ({@code install}), so that rules and
 * logs see an established connection (ssl_fc_sni...). A failed handshake closes the connection,
 * which is what haproxy does too.
 */
public final class HandshakeWait extends ChannelInboundHandlerAdapter {
    public static final String NAME = "tls-handshake";
    private final Consumer<io.netty.channel.Channel> install;

    public HandshakeWait(Consumer<io.netty.channel.Channel> install) {
        this.install = install;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        // the client's hello is read now; the stream's own handlers learn of the connection after the handshake
        ctx.read();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (!(evt instanceof SslHandshakeCompletionEvent done)) {
            ctx.fireUserEventTriggered(evt);
            return;
        }
        if (!done.isSuccess()) {
            ctx.close();
            return;
        }
        ClientTls.established(ctx.channel(), ctx.pipeline().get(SslHandler.class));
        install.accept(ctx.channel());
        ctx.fireChannelActive();
        ctx.pipeline().remove(this);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a hello that is no TLS, a handshake error: the handshake event follows, or the connection just closes
        ctx.close();
    }
}
