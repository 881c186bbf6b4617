package org.jhaproxy.runtime.tcp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import org.jhaproxy.runtime.lb.LbRequest;
import org.jhaproxy.runtime.log.StreamLog;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.stream.ByteCounter;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.stream.ServerConnector;
import org.jhaproxy.runtime.stream.StreamContext;

/**
 * A "mode tcp" stream: the accepted client connection is held (not read) until its server
 * connection is up, then both are relayed until both directions are closed. A stream whose
 * server cannot be reached is closed, as haproxy does in TCP mode.
 */
public final class TcpStream extends ChannelInboundHandlerAdapter implements LbRequest {
    private final StreamContext ctx;
    private final Proxy frontend;
    private Channel client;
    private Channel server;
    private Server target;
    private ServerConnector connector;
    private boolean clientInputClosed;
    private boolean serverInputClosed;
    private boolean ended;
    /** What the client sent before its server connection was up (read along with an early FIN). */
    private final java.util.ArrayDeque<Object> early = new java.util.ArrayDeque<>();
    private boolean earlyShutdown;
    private boolean queued;
    /** The log record, null when the frontend logs no line per stream. */
    private StreamLog log;
    /** How the stream ended, logged or not: what it adds to the abort counters. */
    private final org.jhaproxy.runtime.stream.Termination termination = new org.jhaproxy.runtime.stream.Termination();
    private org.jhaproxy.runtime.sample.SampleContext samples;
    private Proxy backend;
    /** This stream in the process's list ("show sess"). */
    private org.jhaproxy.runtime.stream.LiveStream live;
    /** What the client sent not forwarded yet, read by the payload fetches. */
    private final org.jhaproxy.runtime.payload.RequestBuffer requestBuffer;
    /** The content rules and the switching rules, null once they decided. */
    private ContentInspection inspection;
    /** The backend the rules chose, final, when the client left during their inspection: logged only. */
    private Proxy abandonedFor;

    public TcpStream(StreamContext ctx, Proxy frontend, int recvLimit) {
        this.ctx = ctx;
        this.frontend = frontend;
        this.requestBuffer = new org.jhaproxy.runtime.payload.RequestBuffer(recvLimit);
    }

    @Override
    public InetSocketAddress source() {
        return samples != null ? samples.src() : org.jhaproxy.runtime.stream.SessionAddresses.of(client).src();
    }

    @Override
    public org.jhaproxy.runtime.payload.RequestBuffer requestBuffer() {
        return requestBuffer;
    }

    @Override
    public void channelActive(ChannelHandlerContext c) {
        client = c.channel();
        live = ctx.streams().add(client, frontend, new org.jhaproxy.runtime.stream.LiveStream.Target(
                org.jhaproxy.runtime.stream.LiveStream.Kind.TCP, () -> backend, () -> target, () -> server, this::killed));
        if (frontend.log() != null && frontend.log().logsStreams()) {
            log = StreamLog.acceptedNow();
        }
        org.jhaproxy.runtime.stream.SessionAddresses addresses = org.jhaproxy.runtime.stream.SessionAddresses.of(client);
        samples = new org.jhaproxy.runtime.sample.SampleContext(addresses.src(), addresses.dst(), frontend,
                org.jhaproxy.runtime.sample.Vars.session(client))
                .stickSession(org.jhaproxy.runtime.stick.StickCounters.session(client))
                .tls(org.jhaproxy.runtime.ssl.ClientTls.of(client))
                .requestBuffer(requestBuffer);
        inspection = new ContentInspection(this, samples);
        inspection.run(false);
        // haproxy reads the client's first bytes while it connects (or while its rules wait for
        // them): a stream that then fails is closed with a FIN, not with the RST of a socket
        // closed on unread data
        if (!ended) {
            client.read();
        }
    }

    Channel clientChannel() {
        return client;
    }

    /** Whether this inspection is still the one deciding for the stream. */
    boolean inspecting(ContentInspection i) {
        return !ended && inspection == i;
    }

    /** The content rules rejected the stream ("tcp-request content reject": SF_ERR_PRXCOND, SF_FINST_R). */
    void rejected() {
        inspection = null;
        endAs(TermState.Cause.PROXY, TermState.Phase.REQUEST);
        abort();
    }

    /** The rules let the stream go on to {@code be}: its server connection is started. */
    void accepted(Proxy be) {
        inspection = null;
        backend = be;
        backend.backendConnection();
        connector = new ServerConnector(ctx.transport(), client.eventLoop(), backend, this,
                samples.dst(), (ch, s) -> { }, new ServerConnector.Callback() {
                    @Override
                    public void connected(Channel ch, Server s) {
                        serverConnected(ch, s);
                    }

                    @Override
                    public void failed(ServerConnector.Failure failure, Server last) {
                        endAs(failure);
                        abort();
                    }

                    @Override
                    public void assigned(Server s) {
                        if (log != null) {
                            log.serverAssigned();
                            log.server = s.name();
                        }
                    }

                    @Override
                    public void queued() {
                        queued = true;
                    }
                }).samples(samples);
        Server forced = org.jhaproxy.runtime.stick.Sticking.request(samples,
                org.jhaproxy.runtime.persist.RdpPersistence.server(backend, requestBuffer));
        if (forced != null) {
            connector.start(forced);
        } else {
            connector.start();
        }
    }

    private void serverConnected(Channel ch, Server s) {
        server = ch;
        target = s;
        termination.server(s);
        // in TCP the store rules run once the server connection is established
        org.jhaproxy.runtime.stick.Sticking.response(samples, s);
        if (log != null) {
            log.connected();
            log.serverLocal = ServerConnector.ip(ch.localAddress());
            log.serverRemote = ServerConnector.ip(org.jhaproxy.runtime.proxyprotocol.Socks4Handshake.destination(ch));
        }
        if (!client.isActive()) {
            abort();
            return;
        }
        Proxy backend = s.backend();
        long tunnel = backend.timeouts().tunnel();
        long clientTo = tunnel > 0 ? tunnel : frontend.timeouts().client();
        long serverTo = tunnel > 0 ? tunnel : backend.timeouts().server();
        FinTimeouts.idle(client, clientTo);
        client.pipeline().addLast(new Relay(server, this));
        FinTimeouts.idle(server, serverTo);
        server.pipeline().addLast(new Relay(client, this));
        client.pipeline().addLast(new Expiry(this));
        server.pipeline().addLast(new Expiry(this));
        client.pipeline().remove(this);
        Object m;
        while ((m = early.poll()) != null) {
            server.write(m, server.voidPromise());
        }
        requestBuffer.clear();
        server.flush();
        if (earlyShutdown) {
            // the client's FIN came with (or before) its data: it goes on to the server after it
            inputClosed(client);
            if (server instanceof io.netty.channel.socket.DuplexChannel d) {
                server.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener((ChannelFutureListener) f -> d.shutdownOutput());
                outputShut(server);
            }
        } else {
            client.read();
        }
        server.read();
    }

    /**
     * Netty reads a half-closing client even while reads are off (to see the end of input):
     * what comes before the server connection is up is kept for it, not dropped.
     */
    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        if (ended) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        early.add(msg);
        if (msg instanceof io.netty.buffer.ByteBuf b) {
            requestBuffer.append(b);
        }
        if (inspection != null) {
            inspection.run(earlyShutdown);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext c) {
        // the rules wait for more: the buffer keeps filling until they decide
        if (inspection != null && !ended) {
            client.read();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext c, Object evt) {
        if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
            earlyShutdown = true;
            if (inspection != null) {
                // the client shut its side: the rules decide on what they have
                inspection.run(true);
            }
            return;
        }
        c.fireUserEventTriggered(evt);
    }

    /** One direction reached its end of input. */
    void inputClosed(Channel which) {
        if (which == client) {
            clientInputClosed = true;
        } else {
            serverInputClosed = true;
        }
        if (clientInputClosed && serverInputClosed) {
            finish();
        }
    }

    /** The output towards {@code side} was shut (a FIN forwarded): its fin timeout applies from now. */
    void outputShut(Channel side) {
        FinTimeouts.outputShut(side, side == client ? frontend.timeouts().clientFin()
                : target == null ? 0 : target.backend().timeouts().serverFin());
    }

    /** One side went away: what was read from it is flushed to the other, which is then closed. */
    void closed(Channel which) {
        if (!ended) {
            endAs(which == client ? TermState.Cause.CLIENT_CLOSE : TermState.Cause.SERVER_CLOSE, TermState.Phase.DATA);
        }
        Channel other = which == client ? server : client;
        if (other != null && other.isActive()) {
            other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        end();
    }

    private void finish() {
        client.close();
        if (server != null) {
            server.close();
        }
        end();
    }

    /** A read or write error on one side (a reset): the stream ends as that side's abort. */
    void failed(Channel which) {
        if (!ended) {
            endAs(which == client ? TermState.Cause.CLIENT_CLOSE : TermState.Cause.SERVER_CLOSE, TermState.Phase.DATA);
        }
        if (which == client && server != null && server.isActive()) {
            // a client's reset reaches the server as a reset too (haproxy closes it with SO_LINGER 0);
            // a server's reset reaches the client as a plain close
            server.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        abort();
    }

    /** A side stayed idle past its timeout: "cD" for the client, "sD" for the server. */
    void expired(Channel which) {
        if (!ended) {
            endAs(which == client ? TermState.Cause.CLIENT_TIMEOUT : TermState.Cause.SERVER_TIMEOUT, TermState.Phase.DATA);
        }
        abort();
    }

    private void endAs(TermState.Cause cause, TermState.Phase phase) {
        termination.end(cause, phase);
        if (log != null) {
            log.end(cause, phase);
        }
    }

    /** default_srv_error(): how a connection that could not be made ends the stream. */
    private void endAs(ServerConnector.Failure f) {
        endAs(f.cause(), f.phase());
    }

    /**
     * stream_shutdown(): "shutdown session" (killed), or its server marked down or up: both sides
     * are closed; the log says "K-" ("D-", "U-") once the data flowed (no analyser sets a phase
     * in TCP mode).
     */
    private void killed(TermState.Cause why) {
        if (!ended) {
            endAs(why, server != null ? TermState.Phase.NONE
                    : queued ? TermState.Phase.QUEUE : TermState.Phase.CONNECT);
        }
        abort();
    }

    /** An error or a timeout: both sides are closed at once. */
    void abort() {
        if (connector != null) {
            connector.abandon();
        }
        // logged before the client connection is closed: its session still counts (feconn, actconn)
        end();
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (inspection != null) {
            inspection.cancel();
        }
        ctx.streams().remove(live);
        Object m;
        while ((m = early.poll()) != null) {
            io.netty.util.ReferenceCountUtil.release(m);
        }
        if (target != null) {
            target.connectionReleased();
        }
        if (backend != null) {
            backend.backendReleased();
        }
        termination.count(backend);
        if (log != null) {
            writeLog();
        }
        org.jhaproxy.runtime.stick.Tracking.streamEnded(samples);
    }

    private void writeLog() {
        ByteCounter bytes = client.pipeline().get(ByteCounter.class);
        if (bytes != null) {
            log.bytesIn = bytes.received();
            log.bytesOut = bytes.sent();
        }
        if (backend != null) {
            log.backend = backend.name();
        } else if (abandonedFor != null) {
            log.backend = abandonedFor.name();
        }
        if (connector != null) {
            log.retries = Math.min(connector.retries(), backend.retries());
            log.redispatched = connector.redispatched();
            connector.logQueue(log);
        }
        log.serverConns = target == null ? 0 : target.currentConns();
        log.closed();
        frontend.log().streamEnded(log, samples);
    }

    /**
     * Whether the client left while the content rules waited: haproxy then runs them one last
     * time, final, and logs the backend they chose though it never connects to it.
     */
    private boolean leftDuringInspection() {
        if (inspection == null) {
            return false;
        }
        abandonedFor = inspection.conclude();
        inspection = null;
        return true;
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) {
        // the client left before its server connection was up: "CQ" in a queue, else "CC"; "CR"
        // while the content rules were still waiting for its data
        endAs(TermState.Cause.CLIENT_CLOSE, leftDuringInspection() ? TermState.Phase.REQUEST
                : queued && log != null && log.queue < 0 ? TermState.Phase.QUEUE : TermState.Phase.CONNECT);
        abort();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        endAs(TermState.Cause.CLIENT_CLOSE, leftDuringInspection() ? TermState.Phase.REQUEST : TermState.Phase.CONNECT);
        abort();
    }

    /** Closes the stream when a side stayed idle past its timeout (client, server or tunnel). */
    private static final class Expiry extends ChannelInboundHandlerAdapter {
        private final TcpStream stream;

        Expiry(TcpStream stream) {
            this.stream = stream;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                stream.expired(ctx.channel());
                return;
            }
            ctx.fireUserEventTriggered(evt);
        }
    }
}
