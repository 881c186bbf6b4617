package org.jhaproxy.runtime;

import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.InternetProtocolFamily;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

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

    /**
     * A listening channel for a bind address: TCP for an IP address, a UNIX stream socket for a
     * path ("unix@", "abns@": epoll only), or the already listening socket a parent process passed
     * ("fd@N": epoll wraps the descriptor as it is).
     */
    public ServerChannel newServerChannel(SocketAddress address) {
        if (address instanceof InheritedSocket fd) {
            if (!epoll) {
                throw new IllegalStateException("inherited sockets (fd@) need the epoll transport");
            }
            return fd.bound() instanceof DomainSocketAddress ? new EpollServerDomainSocketChannel(fd.fd(), true)
                    : new EpollServerSocketChannel(fd.fd());
        }
        if (address instanceof DomainSocketAddress) {
            if (!epoll) {
                throw new IllegalStateException("UNIX sockets need the epoll transport");
            }
            return new EpollServerDomainSocketChannel();
        }
        if (epoll && address instanceof java.net.InetSocketAddress isa && isa.getAddress() instanceof java.net.Inet4Address) {
            // an IPv4 socket for an IPv4 address, as haproxy makes: never accepts IPv6, and a new
            // process given it by "_getsocks" finds the AF_INET address its bind line names
            return new EpollServerSocketChannel(io.netty.channel.socket.InternetProtocolFamily.IPv4);
        }
        return epoll ? new EpollServerSocketChannel() : new NioServerSocketChannel();
    }

    /** The listener is registered as it is, not bound: its socket is already listening. */
    public static boolean isInherited(SocketAddress address) {
        return address instanceof InheritedSocket;
    }

    /**
     * "fd@N": a listening socket inherited from the parent process; or one an old process
     * handed over ("-x"), with the address it is bound to.
     */
    public static final class InheritedSocket extends SocketAddress {
        private static final long serialVersionUID = 1L;
        private final int fd;
        private final transient SocketAddress bound;

        public InheritedSocket(int fd) {
            this(fd, null);
        }

        public InheritedSocket(int fd, SocketAddress bound) {
            this.fd = fd;
            this.bound = bound;
        }

        public int fd() {
            return fd;
        }

        /** The address of a socket handed over by an old process, null for "fd@". */
        public SocketAddress bound() {
            return bound;
        }

        @Override
        public String toString() {
            return "fd@" + fd;
        }
    }

    private static final ChannelFactory<SocketChannel> EPOLL_IPV4 = () -> new EpollSocketChannel(InternetProtocolFamily.IPv4);
    private static final ChannelFactory<SocketChannel> EPOLL_ANY = EpollSocketChannel::new;
    private static final ChannelFactory<SocketChannel> NIO = NioSocketChannel::new;

    /**
     * Makes the socket of a connection to {@code peer} in the peer's address family, as haproxy
     * opens it: an IPv4 server gets an IPv4 socket, not the dual-stack IPv6 one Netty's epoll
     * transport opens by default (one IPV6_V6ONLY call less per connection, and the kernel's plain
     * IPv4 path).
     */
    public ChannelFactory<SocketChannel> socketChannelFor(InetSocketAddress peer) {
        if (!epoll) {
            return NIO;
        }
        return peer.getAddress() instanceof java.net.Inet4Address ? EPOLL_IPV4 : EPOLL_ANY;
    }
}
