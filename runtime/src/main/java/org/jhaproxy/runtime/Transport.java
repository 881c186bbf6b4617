package org.jhaproxy.runtime;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The socket transport: Linux's native epoll when it loads (SO_REUSEPORT, edge-triggered), NIO
 * elsewhere. One event loop per "nbthread" thread, as haproxy runs one poller per thread.
 */
public final class Transport {
    private final boolean epoll;
    private final EventLoopGroup group;

    private Transport(boolean epoll, EventLoopGroup group) {
        this.epoll = epoll;
        this.group = group;
    }

    public static Transport create(int threads) {
        DefaultThreadFactory tf = new DefaultThreadFactory("jhaproxy", true);
        if (Epoll.isAvailable() && !Boolean.getBoolean("jhaproxy.nio")) {
            return new Transport(true, new EpollEventLoopGroup(threads, tf));
        }
        return new Transport(false, new NioEventLoopGroup(threads, tf));
    }

    public EventLoopGroup group() {
        return group;
    }

    public boolean isEpoll() {
        return epoll;
    }

    public Class<? extends ServerChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends SocketChannel> socketChannel() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }
}
