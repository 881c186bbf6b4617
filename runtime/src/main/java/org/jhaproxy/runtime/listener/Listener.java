package org.jhaproxy.runtime.listener;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * One listening socket of a "bind" line (a port range gives one listener per port), owned by a
 * frontend. It accepts while READY; at its own "maxconn" it goes FULL, at the frontend's or the
 * process's limit LIMITED, and in both states it stops accepting (the connections wait in the
 * kernel's backlog, as with haproxy) until a connection of its own, of the frontend or of the
 * process ends.
 */
public final class Listener {
    /** IPPROTO_IPV6 (41), IPV6_V6ONLY (26) on Linux. */
    private static final IntegerUnixChannelOption IPV6_V6ONLY = new IntegerUnixChannelOption("IPV6_V6ONLY", 41, 26);

    private final Proxy frontend;
    private final BindConf bind;
    private final SocketAddress address;
    private final GlobalMaxconn global;
    private volatile int frontendMaxconn;
    private final AtomicInteger nbconn = new AtomicInteger();
    private final AtomicReference<ListenerState> state = new AtomicReference<>(ListenerState.ASSIGNED);
    private final ChannelFutureListener release = f -> released();
    private volatile Channel channel;
    /** The bind (or registration) in progress or done, which {@link #open()} follows. */
    private volatile ChannelFuture bound;
    private int luid;
    /** A look at the rate limits is scheduled. */
    private final java.util.concurrent.atomic.AtomicBoolean rateRetry = new java.util.concurrent.atomic.AtomicBoolean();

    public Listener(Proxy frontend, BindConf bind, SocketAddress address, GlobalMaxconn global) {
        this.frontend = frontend;
        this.bind = bind;
        this.address = address;
        this.global = global;
        long fe = frontend.config().number("maxconn", 0);
        // a frontend without "maxconn" takes the global one (proxy_adjust_all_maxconn())
        this.frontendMaxconn = fe > 0 ? (int) Math.min(Integer.MAX_VALUE, fe) : global.maxconn();
        global.register(this);
        frontend.maxconn(frontendMaxconn);
    }

    public Proxy frontend() {
        return frontend;
    }

    /** The listener's id in its frontend (luid): the bind's "id", else its rank among the frontend's listeners. */
    public int luid() {
        return luid;
    }

    public void luid(int id) {
        this.luid = id;
    }

    /** How logs name it: the bind's "name", else its luid. */
    public String logName() {
        return bind.name() != null ? bind.name() : Integer.toString(luid);
    }

    public BindConf bind() {
        return bind;
    }

    public SocketAddress address() {
        return address;
    }

    public ListenerState state() {
        return state.get();
    }

    /** Connections accepted by this listener and not yet closed. */
    public int connections() {
        return nbconn.get();
    }

    /**
     * Binds, without accepting until {@link #open()}; the future fails with the socket error
     * (e.g. address in use).
     * A socket of the same address an old process handed over ({@code transferred}) is taken
     * as it is, already listening, instead.
     */
    public ChannelFuture start(Transport transport, ChannelHandler childInitializer, TransferredSockets transferred) {
        int fd = transport.isEpoll() && !Transport.isInherited(address) ? transferred.take(address, bind.v6only()) : -1;
        java.net.SocketAddress from = fd >= 0 ? new Transport.InheritedSocket(fd, address) : address;
        ServerBootstrap b = new ServerBootstrap()
                .group(transport.group(), transport.group())
                .channelFactory(() -> transport.newServerChannel(from))
                .option(ChannelOption.SO_BACKLOG, backlog())
                // the kernel queues connections from bind() on; they are taken once every socket is bound
                .option(ChannelOption.AUTO_READ, false)
                .handler(new Admission())
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(childInitializer);
        if (address instanceof InetSocketAddress) {
            b.option(ChannelOption.SO_REUSEADDR, true);
            // TCP_NODELAY: already the default of Netty's accepted sockets (one setsockopt each)
            if (transport.isEpoll()) {
                b.option(EpollChannelOption.SO_REUSEPORT, true);
                if (fd < 0 && ((InetSocketAddress) address).getAddress() instanceof java.net.Inet6Address) {
                    // "v6only" / "v4v6": whether "::" also takes IPv4 (Linux's default: it does);
                    // a socket handed over was chosen with the same setting (Linux refuses it once bound)
                    b.option(IPV6_V6ONLY, bind.v6only() ? 1 : 0);
                }
            }
        }
        ChannelFuture f = Transport.isInherited(from) ? b.register() : b.bind(address);
        f.addListener(done -> {
            if (done.isSuccess()) {
                channel = f.channel();
                state.set(ListenerState.READY);
            }
        });
        bound = f;
        return f;
    }

    /**
     * The listening socket's descriptor when a new process may take it over ("_getsocks"): a
     * socket this process bound or was handed by an old one, not one inherited with "fd@"
     * (haproxy exports no RX_F_INHERITED socket); -1 otherwise.
     */
    public int exportedFd() {
        Channel ch = channel;
        if (Transport.isInherited(address) || !(ch instanceof io.netty.channel.unix.UnixChannel u) || !ch.isOpen()) {
            return -1;
        }
        return u.fd().intValue();
    }

    /** "backlog" of the bind line, else the frontend's, else its maxconn (haproxy's listener_backlog()). */
    private int backlog() {
        if (bind.backlog() > 0) {
            return bind.backlog();
        }
        long b = frontend.config().number("backlog", 0);
        if (b > 0) {
            return (int) b;
        }
        if (bind.maxconn() > 0) {
            return bind.maxconn();
        }
        long mc = frontend.config().number("maxconn", 0);
        return mc > 0 ? (int) mc : 1024;
    }

    /** Would one more connection stay within the listener's, the frontend's and the process's limits? */
    private boolean allowsMore() {
        return (bind.maxconn() == 0 || nbconn.get() < bind.maxconn()) && frontend.feconn().get() < frontendMaxconn
                && global.allowsMore();
    }

    /** A connection was accepted: counted everywhere, and accepting stops when a limit is reached. */
    private void accepted(Channel child) {
        nbconn.incrementAndGet();
        frontend.feconn().incrementAndGet();
        global.taken();
        child.closeFuture().addListener(release);
        if (!allowsMore()) {
            hold();
        }
    }

    private void released() {
        nbconn.decrementAndGet();
        frontend.feconn().decrementAndGet();
        global.released();
        resumeIfAllowed();
    }

    /** Stops accepting: FULL at the bind's own maxconn, LIMITED by the frontend or the process. */
    private void hold() {
        ListenerState held = bind.maxconn() > 0 && nbconn.get() >= bind.maxconn() ? ListenerState.FULL : ListenerState.LIMITED;
        if (!state.compareAndSet(ListenerState.READY, held)) {
            return;
        }
        global.waiting(1);
        applyState();
        // a connection may have ended between the count and the state change: look again
        resumeIfAllowed();
        retryAfterRate();
    }

    /**
     * Held by a rate limit ("set rate-limit connections|sessions global"): no connection ending
     * will resume the listener, the time passing will, as haproxy's global queue task wakes it
     * at the rate's next event.
     */
    private void retryAfterRate() {
        Channel ch = channel;
        ListenerState s = state.get();
        if (ch == null || global.rates().allowsMore() || (s != ListenerState.LIMITED && s != ListenerState.FULL)
                || !rateRetry.compareAndSet(false, true)) {
            return;
        }
        ch.eventLoop().schedule(() -> {
            rateRetry.set(false);
            resumeIfAllowed();
            retryAfterRate();
        }, global.rates().retryDelay(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * Accepting follows the state, on the listener's event loop only: a hold and a resume
     * decided on two threads are applied in order there, the last one reading the final state.
     */
    private void applyState() {
        Channel ch = channel;
        if (ch == null) {
            return;
        }
        if (!ch.eventLoop().inEventLoop()) {
            ch.eventLoop().execute(this::applyState);
            return;
        }
        boolean accept = state.get() == ListenerState.READY;
        if (ch.config().isAutoRead() != accept) {
            ch.config().setAutoRead(accept);
        }
    }

    /**
     * Starts accepting, once every listener and stats socket of the process is bound (haproxy's
     * protocol_enable_all() after protocol_bind_all()): a client that reached a frontend finds
     * the stats socket there too.
     */
    public void open() {
        // after the bind's own listener (listeners run in order): the channel and READY are set
        // then, which a caller that only awaited the future may not see yet
        ChannelFuture f = bound;
        if (f != null) {
            f.addListener(done -> applyState());
        }
    }

    /** Back to READY when the limits allow one more connection (haproxy's resume_listener()). */
    void resumeIfAllowed() {
        ListenerState s = state.get();
        if ((s == ListenerState.FULL || s == ListenerState.LIMITED) && allowsMore() && state.compareAndSet(s, ListenerState.READY)) {
            global.waiting(-1);
            applyState();
        }
    }

    /**
     * "set maxconn frontend": the frontend's new limit; a listener held back by the old one
     * accepts again if the new one allows it.
     */
    public void frontendMaxconn(int maxconn) {
        this.frontendMaxconn = maxconn;
        resumeIfAllowed();
    }

    /** Stops accepting, the socket stays bound (SIGTTOU). */
    public void pause() {
        ListenerState was = state.getAndSet(ListenerState.PAUSED);
        if (was == ListenerState.FULL || was == ListenerState.LIMITED) {
            global.waiting(-1);
        }
        applyState();
    }

    /** Accepts again after a pause (SIGTTIN), or waits for a connection to end if a limit is reached. */
    public void resume() {
        Channel ch = channel;
        if (ch == null || !ch.isOpen() || !state.compareAndSet(ListenerState.PAUSED, ListenerState.READY)) {
            return;
        }
        applyState();
    }

    /** Stops accepting new connections (soft-stop: the established ones go on). */
    public ChannelFuture stop() {
        // unbound for good (stop_listener(): LI_ASSIGNED), no longer among the process's listeners
        ListenerState was = state.getAndSet(ListenerState.ASSIGNED);
        if (was == ListenerState.FULL || was == ListenerState.LIMITED) {
            global.waiting(-1);
        }
        Channel ch = channel;
        return ch == null ? null : ch.close();
    }

    /** The listening channel's first handler: counts each accepted connection before it is set up. */
    private final class Admission extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            accepted((Channel) msg);
            ctx.fireChannelRead(msg);
        }
    }
}
