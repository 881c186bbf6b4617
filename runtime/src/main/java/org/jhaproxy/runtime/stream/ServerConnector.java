package org.jhaproxy.runtime.stream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.lb.LbRequest;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * Establishes a stream's server connection the way HAProxy's back_handle_st_cer() does: on the
 * client's event loop, bounded by "timeout connect", retried "retries" times, after a pause of
 * MIN(1s, timeout connect) when the server refused, and sent to another server on the last
 * retry with "option redispatch".
 */
public final class ServerConnector {
    /** How a connection attempt ended. */
    public enum Failure {
        /** No usable server at all (HAProxy's SF_ERR_SRVTO... 503 "No server is available"). */
        NO_SERVER,
        /** Every attempt failed (STRM_ET_CONN_ERR, also a 503 in HTTP). */
        CONNECT_ERROR,
        /** The last attempt timed out (STRM_ET_CONN_TO). */
        CONNECT_TIMEOUT
    }

    /** What the caller learns: the connected channel and its server, or a failure. */
    public interface Callback {
        void connected(Channel channel, Server server);

        void failed(Failure failure, Server lastServer);
    }

    private final Transport transport;
    private final EventLoop loop;
    private final Proxy backend;
    private final LbRequest request;
    private final InetSocketAddress clientDestination;
    private final BiConsumer<Channel, Server> pipeline;
    private final Callback callback;
    private int attempts;
    private boolean abandoned;

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

    /** Starts with the balancer's choice. */
    public void start() {
        Server s = backend.lb() == null ? null : backend.lb().choose(request);
        if (s == null) {
            callback.failed(Failure.NO_SERVER, null);
            return;
        }
        attempt(s);
    }

    /** Starts with a server already chosen (use-server, persistence, a reused connection's server). */
    public void start(Server server) {
        attempt(server);
    }

    /** The client went away: a pending attempt's result is dropped and its channel closed. */
    public void abandon() {
        abandoned = true;
    }

    private void attempt(Server server) {
        attempts++;
        server.connectionTaken();
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .option(ChannelOption.AUTO_READ, false)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        pipeline.accept(ch, server);
                    }
                });
        long connectTimeout = backend.timeouts().connect();
        if (connectTimeout > 0) {
            b.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout));
        }
        ChannelFuture f = b.connect(server.address(clientDestination));
        f.addListener(done -> {
            if (abandoned) {
                server.connectionReleased();
                f.channel().close();
                return;
            }
            if (done.isSuccess()) {
                callback.connected(f.channel(), server);
                return;
            }
            server.connectionReleased();
            boolean timeout = done.cause() instanceof io.netty.channel.ConnectTimeoutException;
            retry(server, timeout);
        });
    }

    private void retry(Server failed, boolean timeout) {
        // attempts counts the first try: "retries 3" allows 4 connections in all
        if (attempts > backend.retries()) {
            callback.failed(timeout ? Failure.CONNECT_TIMEOUT : Failure.CONNECT_ERROR, failed);
            return;
        }
        Server next = failed;
        boolean lastRetry = attempts == backend.retries();
        if (backend.redispatch() && lastRetry && backend.lb() != null) {
            Server other = backend.lb().choose(request);
            if (other != null) {
                next = other;
            }
        }
        if (timeout || next != failed) {
            attempt(next);
            return;
        }
        long delay = 1000;
        long ct = backend.timeouts().connect();
        if (ct > 0 && ct < delay) {
            delay = ct;
        }
        Server again = next;
        loop.schedule(() -> {
            if (!abandoned) {
                attempt(again);
            }
        }, delay, TimeUnit.MILLISECONDS);
    }
}
