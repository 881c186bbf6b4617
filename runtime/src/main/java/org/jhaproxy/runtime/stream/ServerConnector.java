package org.jhaproxy.runtime.stream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.lb.Balancer;
import org.jhaproxy.runtime.lb.LbRequest;
import org.jhaproxy.runtime.log.StreamLog;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.queue.PendingConnection;
import org.jhaproxy.runtime.server.Server;

/**
 * Gets a stream its server connection the way haproxy's back-end state machine does: the
 * balancer assigns a server and one of its slots, or queues the stream until a slot frees up
 * ("timeout queue", else "timeout connect"); the connection is made on the client's event loop
 * within "timeout connect"; a failed attempt is retried "retries" times, after a pause of
 * MIN(1s, timeout connect) when the server refused, and with "option redispatch" on another
 * server as stream_choose_redispatch() decides. The slot is the caller's once connected; the
 * caller gives it back with {@link Server#connectionReleased()}.
 */
public final class ServerConnector {
    /** How getting a connection ended. */
    public enum Failure {
        /** No usable server at all (503 "No server is available"). */
        NO_SERVER(TermState.Cause.SERVER_CLOSE, TermState.Phase.CONNECT),
        /** Every attempt failed (STRM_ET_CONN_ERR, also a 503 in HTTP). */
        CONNECT_ERROR(TermState.Cause.SERVER_CLOSE, TermState.Phase.CONNECT),
        /** The last attempt timed out (STRM_ET_CONN_TO). */
        CONNECT_TIMEOUT(TermState.Cause.SERVER_TIMEOUT, TermState.Phase.CONNECT),
        /** The stream waited longer than "timeout queue" (STRM_ET_QUEUE_TO, 503). */
        QUEUE_TIMEOUT(TermState.Cause.SERVER_TIMEOUT, TermState.Phase.QUEUE),
        /** The server's queue was full, "maxqueue" (STRM_ET_QUEUE_ERR, 503). */
        QUEUE_FULL(TermState.Cause.SERVER_CLOSE, TermState.Phase.QUEUE);

        private final TermState.Cause cause;
        private final TermState.Phase phase;

        Failure(TermState.Cause cause, TermState.Phase phase) {
            this.cause = cause;
            this.phase = phase;
        }

        /** How default_srv_error() logs it: the termination cause... */
        public TermState.Cause cause() {
            return cause;
        }

        /** ...and the phase. */
        public TermState.Phase phase() {
            return phase;
        }
    }

    /** What the caller learns: the connected channel and its server, or a failure. */
    public interface Callback {
        void connected(Channel channel, Server server);

        void failed(Failure failure, Server lastServer);

        /** A server (and one of its slots) was assigned, at once or out of a queue: the log's t_queue. */
        default void assigned(Server server) {
        }

        /** The stream waits in a queue (SC_ST_QUE): a failure now ends it in the queue phase. */
        default void queued() {
        }
    }

    private final Transport transport;
    private final EventLoop loop;
    private final Proxy backend;
    private final LbRequest request;
    private final InetSocketAddress clientDestination;
    private final BiConsumer<Channel, Server> pipeline;
    private final Callback callback;
    private Function<Server, Channel> reuse;
    private org.jhaproxy.runtime.sample.SampleContext samples;
    private boolean direct;
    private boolean redispatched;
    /** The server a redispatch left: SF_REDISP is set only if the balancer picks another one. */
    private Server previous;
    private int retries;
    private boolean abandoned;
    private PendingConnection pending;
    private ScheduledFuture<?> queueTimer;
    /** Where the stream was in the server's and the backend's queues when it left them (%sq, %bq). */
    private int serverQueuePos;
    private int backendQueuePos;
    private boolean queueTimedOut;

    public ServerConnector(Transport transport, EventLoop loop, Proxy backend, LbRequest request,
                           InetSocketAddress clientDestination, BiConsumer<Channel, Server> pipeline, Callback callback) {
        this.transport = transport;
        this.loop = loop;
        this.backend = backend;
        this.request = request;
        this.clientDestination = clientDestination;
        this.pipeline = pipeline;
        this.callback = callback;
    }

    /** The stream's samples: a server's "sni" expression is evaluated on them for each new connection. */
    public ServerConnector samples(org.jhaproxy.runtime.sample.SampleContext c) {
        this.samples = c;
        return this;
    }

    /** An idle connection to the assigned server to use instead of connecting, if it returns one. */
    public ServerConnector reuse(Function<Server, Channel> idle) {
        this.reuse = idle;
        return this;
    }

    /** An address of a client connection as an IP address and port; null on a UNIX socket ("unix@"). */
    public static InetSocketAddress ip(java.net.SocketAddress a) {
        return a instanceof InetSocketAddress i ? i : null;
    }

    /** Starts with the balancer's choice. */
    public void start() {
        assign(null, null);
    }

    /** Starts with a server already chosen (use-server, persistence): it is not redispatched for round robin. */
    public void start(Server server) {
        direct = true;
        assign(server, null);
    }

    private void redispatchedTo(Server s) {
        if (previous != null && previous != s) {
            redispatched = true;
        }
    }

    /** Failed connection attempts so far (the log's retries, %rc). */
    public int retries() {
        return retries;
    }

    /** A retry went to another server (SF_REDISP, "+" before %rc). */
    public boolean redispatched() {
        return redispatched;
    }

    /**
     * Writes where the stream was in the queues: %sq and %bq, how many streams the server's or
     * the backend's queue served while it waited there, plus one (0 if it never waited); and
     * when "timeout queue" struck, the queue time (haproxy notes t_queue then too).
     */
    public void logQueue(StreamLog log) {
        log.queued(serverQueuePos, backendQueuePos);
        if (queueTimedOut && log.queue < 0) {
            log.serverAssigned();
        }
    }

    /** The client went away: a queued stream leaves its queue, a pending attempt's result is dropped. */
    public void abandon() {
        abandoned = true;
        cancelQueueTimer();
        if (pending != null && backend.balancer().dequeue(pending)) {
            leftQueue(pending);
            pending = null;
        }
    }

    private void leftQueue(PendingConnection p) {
        if (p.server() == null) {
            backendQueuePos += p.position();
        } else {
            serverQueuePos += p.position();
        }
    }

    private void assign(Server forced, Server avoid) {
        Balancer.Assignment a = backend.balancer().assign(request, forced, avoid,
                s -> loop.execute(() -> dequeued(s)));
        switch (a.status()) {
            case OK -> {
                redispatchedTo(a.server());
                callback.assigned(a.server());
                connect(a.server());
            }
            case NO_SERVER -> fail(Failure.NO_SERVER, null);
            case FULL -> fail(Failure.QUEUE_FULL, a.server());
            case QUEUED -> {
                callback.queued();
                pending = a.pending();
                long t = backend.timeouts().queue() > 0 ? backend.timeouts().queue() : backend.timeouts().connect();
                if (t > 0) {
                    queueTimer = loop.schedule(this::queueExpired, t, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** A slot of {@code server} was handed to this queued stream, or null: it must be assigned again. */
    private void dequeued(Server server) {
        if (pending != null) {
            leftQueue(pending);
        }
        pending = null;
        cancelQueueTimer();
        if (server == null) {
            // its server went down while it waited (pendconn_redistribute()): the balancer chooses again
            if (!abandoned) {
                direct = false;
                assign(null, null);
            }
            return;
        }
        if (abandoned) {
            server.connectionReleased();
            return;
        }
        redispatchedTo(server);
        callback.assigned(server);
        connect(server);
    }

    private void queueExpired() {
        queueTimer = null;
        PendingConnection p = pending;
        if (p != null && !abandoned && backend.balancer().dequeue(p)) {
            leftQueue(p);
            pending = null;
            queueTimedOut = true;
            fail(Failure.QUEUE_TIMEOUT, p.server());
        }
    }

    private void cancelQueueTimer() {
        if (queueTimer != null) {
            queueTimer.cancel(false);
            queueTimer = null;
        }
    }

    private void connect(Server server) {
        // a connection is only reused for the same SNI: with a "sni" expression, none is (simpler than haproxy)
        boolean sniVaries = server.ssl() != null && server.ssl().traffic() && server.ssl().hasSni();
        Channel idle = reuse == null || sniVaries ? null : reuse.apply(server);
        if (idle != null && !sameConnection(idle, server)) {
            // opened for another destination or PROXY header: not this stream's (conn_hash params)
            closeHard(idle);
            idle = null;
        }
        if (idle != null) {
            server.connectionReused();
            callback.connected(idle, server);
            return;
        }
        attempt(server);
    }

    private boolean sameConnection(Channel idle, Server server) {
        if (server.followsDestination() && !java.util.Objects.equals(org.jhaproxy.runtime.proxyprotocol.Socks4Handshake.destination(idle), server.address(clientDestination))) {
            return false;
        }
        return org.jhaproxy.runtime.proxyprotocol.SendProxy.reusable(idle, proxyHeader(server));
    }

    /** The PROXY header a new connection to {@code server} starts with (the stream's addresses), or null. */
    private org.jhaproxy.runtime.proxyprotocol.SendProxy.Header proxyHeader(Server server) {
        return org.jhaproxy.runtime.proxyprotocol.SendProxy.header(server.config(), request.source(), clientDestination, samples);
    }

    private void attempt(Server server) {
        server.connectAttempted();
        long started = System.nanoTime();
        org.jhaproxy.runtime.proxyprotocol.SendProxy.Header header = proxyHeader(server);
        InetSocketAddress target = server.address(clientDestination);
        // "socks4": the connection goes to the proxy, asked to connect on to the server
        InetSocketAddress socks = server.socks4();
        InetSocketAddress peer = socks != null ? socks : target;
        if (socks != null && target.getAddress() != null && socks.getAddress().getClass() != target.getAddress().getClass()) {
            // haproxy opens the socket for the server's address family: connect() to a proxy of
            // the other family fails at once, a synchronous error retried without a pause
            server.observation().connected(false);
            retry(server, false, true);
            return;
        }
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channelFactory(transport.socketChannelFor(peer))
                // TCP_NODELAY is already the default of Netty's socket configs: setting it again
                // cost one more setsockopt per connection
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.AUTO_READ, false)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        pipeline.accept(ch, server);
                        org.jhaproxy.runtime.ssl.ServerSsl ssl = server.ssl();
                        if (ssl != null && ssl.traffic()) {
                            // the TLS handshake is part of the connection: bounded by "timeout connect"
                            ch.pipeline().addFirst("ssl", ssl.newHandler(ch.alloc(), ssl.sni(samples), backend.timeouts().connect()));
                        }
                        // below TLS: the PROXY header goes out in clear, before the handshake
                        org.jhaproxy.runtime.proxyprotocol.SendProxy.prepare(ch, header);
                        if (socks != null) {
                            // below everything: the SOCKS4 handshake comes before the PROXY header
                            org.jhaproxy.runtime.proxyprotocol.Socks4Handshake.prepare(ch, target);
                        }
                    }
                });
        TcpKeepAlive.server(b, backend);
        long connectTimeout = backend.timeouts().connect();
        if (connectTimeout > 0) {
            b.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout));
        }
        java.net.InetSocketAddress local = server.connectSource();
        if (local != null) {
            b.option(ChannelOption.SO_REUSEADDR, true);
        }
        ChannelFuture f = local == null ? b.connect(peer) : b.connect(peer, local);
        f.addListener(done -> {
            if (abandoned) {
                server.connectionReleased();
                f.channel().close();
                return;
            }
            if (!done.isSuccess() || socks == null) {
                layer4(f.channel(), server, header, done.isSuccess() ? null : done.cause());
                return;
            }
            // "timeout connect" bounds the whole handshake too (the connection is not established before)
            long left = connectTimeout <= 0 ? 0
                    : Math.max(1, connectTimeout - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            org.jhaproxy.runtime.proxyprotocol.Socks4Handshake.start(f.channel(), left).addListener(hs -> {
                if (abandoned) {
                    server.connectionReleased();
                    f.channel().close();
                    return;
                }
                layer4(f.channel(), server, header, hs.isSuccess() ? null : hs.cause());
            });
        });
    }

    /**
     * Closes a server connection the server has not closed first with a reset (SO_LINGER 0), as
     * haproxy closes any connection it opened to a server (tcp_connect_server() marks it
     * FD_LINGER_RISK; only a read0 from the server clears it): the proxy, which opens them by
     * the thousand, keeps no port in TIME_WAIT.
     */
    public static void closeHard(Channel ch) {
        if (ch.isActive()) {
            ch.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        ch.close();
    }

    /** The connection is established (layer 4, through the SOCKS4 proxy if any), or failed with {@code cause}. */
    private void layer4(Channel ch, Server server, org.jhaproxy.runtime.proxyprotocol.SendProxy.Header header, Throwable cause) {
        server.observation().connected(cause == null);
        if (cause != null) {
            retry(server, cause instanceof ConnectTimeoutException
                    || cause instanceof org.jhaproxy.runtime.proxyprotocol.Socks4Handshake.Timeout);
            return;
        }
        org.jhaproxy.runtime.proxyprotocol.SendProxy.send(ch, header);
        io.netty.handler.ssl.SslHandler tls = ch.pipeline().get(io.netty.handler.ssl.SslHandler.class);
        if (tls == null) {
            callback.connected(ch, server);
            return;
        }
        // with "ssl" the connection is established once its handshake is done (CO_FL_WAIT_L6_CONN)
        ch.read();
        tls.handshakeFuture().addListener(hs -> handshaken(ch, server, hs));
    }

    /** The server's TLS handshake ended: connected, or a failed attempt retried as a refused connection. */
    private void handshaken(Channel ch, Server server, io.netty.util.concurrent.Future<?> hs) {
        if (abandoned) {
            server.connectionReleased();
            ch.close();
            return;
        }
        if (hs.isSuccess()) {
            callback.connected(ch, server);
            return;
        }
        ch.close();
        retry(server, hs.cause() instanceof io.netty.handler.ssl.SslHandshakeTimeoutException);
    }

    /** back_handle_st_cer(): give up, retry the same server after a pause, or redispatch. */
    private void retry(Server failed, boolean timeout) {
        retry(failed, timeout, timeout);
    }

    /** {@code immediate}: no pause before the same server is tried again (a timeout, a synchronous error). */
    private void retry(Server failed, boolean timeout, boolean immediate) {
        retries++;
        if (retries >= backend.retries() + 1) {
            failed.connectionReleased();
            failed.connectFailed();
            fail(timeout ? Failure.CONNECT_TIMEOUT : Failure.CONNECT_ERROR, failed);
            return;
        }
        failed.connectRetried(redispatches());
        if (redispatches()) {
            previous = failed;
            failed.connectionReleased();
            assign(null, failed);
            return;
        }
        if (immediate) {
            attempt(failed);
            return;
        }
        long delay = 1000;
        long ct = backend.timeouts().connect();
        if (ct > 0 && ct < delay) {
            delay = ct;
        }
        loop.schedule(() -> {
            if (abandoned) {
                failed.connectionReleased();
            } else {
                attempt(failed);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /**
     * stream_choose_redispatch(): with "option redispatch [interval]", every interval-th retry
     * (the last one by default) goes back to the balancer, and so does every retry of a backend
     * with several active servers whose algorithm does not hash, unless the server was imposed.
     */
    private boolean redispatches() {
        if (!backend.redispatch()) {
            return false;
        }
        int after = backend.redispatchInterval();
        if (after > 0 && retries % after == 0) {
            return true;
        }
        if (after < 0 && retries % (backend.retries() + 1 + after) == 0) {
            return true;
        }
        return !direct && backend.balancer().activeServers() > 1 && !backend.balancer().algorithm().hashBased();
    }

    private void fail(Failure f, Server last) {
        callback.failed(f, last);
    }
}
