package org.jhaproxy.runtime.listener;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import java.net.InetSocketAddress;
import org.jhaproxy.config.model.Bind;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * One listening socket of a "bind" line (a port range gives one listener per port), owned by a
 * frontend. It is bound at start-up, accepts while READY and is closed by a stop.
 */
public final class Listener {
    private final Proxy frontend;
    private final Bind bind;
    private final InetSocketAddress address;
    private volatile ListenerState state = ListenerState.ASSIGNED;
    private Channel channel;

    public Listener(Proxy frontend, Bind bind, InetSocketAddress address) {
        this.frontend = frontend;
        this.bind = bind;
        this.address = address;
    }

    public Proxy frontend() {
        return frontend;
    }

    public Bind bind() {
        return bind;
    }

    public InetSocketAddress address() {
        return address;
    }

    public ListenerState state() {
        return state;
    }

    /** Binds and starts accepting; the future fails with the socket error (e.g. address in use). */
    public ChannelFuture start(Transport transport, ChannelHandler childInitializer) {
        ServerBootstrap b = new ServerBootstrap()
                .group(transport.group(), transport.group())
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, backlog())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(childInitializer);
        if (transport.isEpoll()) {
            b.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        ChannelFuture f = b.bind(address);
        f.addListener(done -> {
            if (done.isSuccess()) {
                channel = f.channel();
                state = ListenerState.READY;
            }
        });
        return f;
    }

    /** "backlog" of the bind line, else the frontend's, else its maxconn (HAProxy's listener_backlog()). */
    private int backlog() {
        int i = bind.options().indexOf("backlog");
        if (i >= 0 && i + 1 < bind.options().size()) {
            return Integer.parseInt(bind.options().get(i + 1));
        }
        long b = frontend.config().number("backlog", 0);
        if (b > 0) {
            return (int) b;
        }
        long mc = frontend.config().number("maxconn", 0);
        return mc > 0 ? (int) mc : 1024;
    }

    /** Stops accepting new connections (soft-stop: the established ones go on). */
    public ChannelFuture stop() {
        state = ListenerState.PAUSED;
        return channel == null ? null : channel.close();
    }
}
