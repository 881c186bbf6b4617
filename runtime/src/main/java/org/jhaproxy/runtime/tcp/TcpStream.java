package org.jhaproxy.runtime.tcp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.InetSocketAddress;
import org.jhaproxy.runtime.lb.LbRequest;
import org.jhaproxy.runtime.log.StreamLog;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.stick.Sticking;
import org.jhaproxy.runtime.stream.LiveStream;
import org.jhaproxy.runtime.stream.ServerConnector;
import org.jhaproxy.runtime.stream.SessionAddresses;
import org.jhaproxy.runtime.stream.StreamContext;
import org.jhaproxy.runtime.stream.Termination;
import org.jhaproxy.runtime.stream.TrafficCounts;

/**
 * A "mode tcp" stream: the accepted client connection is read while its content rules inspect
 * it ({@link ContentInspection}) and while its server connection is made ({@link EarlyInput}),
 * then both sides are relayed until both directions are closed ({@link HalfClose}). A stream
 * whose server cannot be reached is closed, as haproxy does in TCP mode.
 */
public final class TcpStream extends ChannelInboundHandlerAdapter implements LbRequest, ServerConnector.Callback, StreamEnds {
    private final StreamContext ctx;
    private final Proxy frontend;
    private Channel client;
    private Channel server;
    private Server target;
    private ServerConnector connector;
    private boolean ended;
    private final EarlyInput early;
    private boolean queued;
    /** In a queue now (queued and no server assigned yet). */
    private boolean inQueue;
    /** The client's read timeout until the server connection is up. */
    private ClientWait clientWait;
    /** The log record, null when the frontend logs no line per stream. */
    private StreamLog log;
    /** How the stream ended, logged or not: what it adds to the abort counters. */
    private final Termination termination = new Termination();
    private SampleContext samples;
    /** The backend the switching rules chose (beconn, stot), connected to or not. */
    private Proxy backend;
    /** This stream in the process's list ("show sess"). */
    private LiveStream live;
    /** The content rules and the switching rules, null once they decided. */
    private ContentInspection inspection;

    public TcpStream(StreamContext ctx, Proxy frontend, int recvLimit) {
        this.ctx = ctx;
        this.frontend = frontend;
        this.early = new EarlyInput(this, recvLimit);
    }

    @Override
    public InetSocketAddress source() {
        return samples != null ? samples.src() : SessionAddresses.of(client).src();
    }

    @Override
    public org.jhaproxy.runtime.payload.RequestBuffer requestBuffer() {
        return early.buffer();
    }

    @Override
    public void channelActive(ChannelHandlerContext c) {
        client = c.channel();
        clientWait = new ClientWait(this, client.eventLoop(), frontend.timeouts().client());
        // from now on the client's reads, FIN and close go to the early input
        client.pipeline().addAfter(c.name(), null, early);
        client.pipeline().remove(this);
        live = ctx.streams().add(client, frontend, new LiveStream.Target(
                LiveStream.Kind.TCP, () -> backend, () -> target, () -> server, this::killed));
        if (frontend.log() != null && frontend.log().logsStreams()) {
            log = StreamLog.acceptedNow();
        }
        SessionAddresses addresses = SessionAddresses.of(client);
        samples = new SampleContext(addresses.src(), addresses.dst(), frontend,
                org.jhaproxy.runtime.sample.Vars.session(client))
                .stickSession(org.jhaproxy.runtime.stick.StickCounters.session(client))
                .tls(org.jhaproxy.runtime.ssl.ClientTls.of(client)).client(client)
                .requestBuffer(early.buffer());
        inspection = new ContentInspection(this, samples, client.eventLoop());
        inspection.run(false);
        // haproxy reads the client's first bytes while it connects (or while its rules wait for
        // them): a stream that then fails is closed with a FIN, not with the RST of a socket
        // closed on unread data
        if (!ended) {
            client.read();
        }
    }

    /**
     * The content rules rejected the stream ("tcp-request content reject": SF_ERR_PRXCOND,
     * SF_FINST_R); {@code switched}: the backend the switching rules had chosen, if any.
     */
    void rejected(Proxy switched) {
        inspection = null;
        assign(switched);
        endAs(TermState.Cause.PROXY, TermState.Phase.REQUEST);
        abort();
    }

    /**
     * The client left ({@code cause} CLIENT_CLOSE: "CR") or stayed silent past its timeout
     * (CLIENT_TIMEOUT: "cR") while the rules waited: they ran a last time, final, and chose
     * {@code chosen} (logged, never connected to) unless they rejected the stream.
     */
    void abandoned(TermState.Cause cause, Proxy chosen) {
        inspection = null;
        assign(chosen);
        // the request never reached a server: a failed request of the frontend (ereq,
        // sess_set_term_flags()), and the client's abort one of the backend (cli_abrt)
        frontend.frontendCounters().failedReq.increment();
        if (backend != null) {
            backend.backendCounters().cliAborts.increment();
        }
        endAs(cause, TermState.Phase.REQUEST);
        abort();
    }

    /** stream_set_backend(): the stream counts in its backend (beconn, stot) from the switch on. */
    private void assign(Proxy be) {
        if (be != null && backend == null) {
            backend = be;
            backend.backendConnection();
        }
    }

    /** The rules let the stream go on to {@code be}: its server connection is started. */
    void accepted(Proxy be) {
        inspection = null;
        assign(be);
        connector = new ServerConnector(ctx.transport(), client.eventLoop(), backend, this,
                samples.dst(), (ch, s) -> { }, this).samples(samples);
        Server forced = Sticking.request(samples, org.jhaproxy.runtime.persist.RdpPersistence.server(backend, early.buffer()));
        if (forced != null) {
            connector.start(forced);
        } else {
            connector.start();
        }
    }

    @Override
    public void failed(ServerConnector.Failure failure, Server last) {
        endAs(failure.cause(), failure.phase());
        abort();
    }

    @Override
    public void assigned(Server s) {
        inQueue = false;
        samples.server(s);
        if (log != null) {
            log.serverAssigned();
            log.server = s.name();
        }
    }

    @Override
    public void queued() {
        queued = true;
        inQueue = true;
    }

    @Override
    public void connected(Channel ch, Server s) {
        server = ch;
        target = s;
        clientWait.cancel();
        termination.server(s);
        samples.serverConnection(ch);
        // in TCP the store rules run once the server connection is established
        Sticking.response(samples, s);
        if (log != null) {
            log.connected();
            log.serverLocal = ServerConnector.ip(ch.localAddress());
            log.serverRemote = ServerConnector.ip(org.jhaproxy.runtime.proxyprotocol.Socks4Handshake.destination(ch));
        }
        if (!client.isActive()) {
            abort();
            return;
        }
        HalfClose.relay(this, client, server, frontend, s, early);
    }

    /** Whether the stream still waits for its server connection (what the client sends is held). */
    boolean waitsForServer() {
        return !ended;
    }

    /** Whether the content rules still wait for the client's data. */
    boolean inspecting() {
        return inspection != null && !ended;
    }

    /** The client sent data: its timeout counts from now; the rules, if they wait, look again. */
    void received() {
        clientWait.received();
        if (inspection != null) {
            inspection.run(early.isShut());
        }
    }

    /** The client shut its side before the server connection: the rules decide on what they have. */
    void clientShut() {
        // no read timeout once the client's input ended (haproxy's shutr)
        clientWait.cancel();
        if (inspection != null) {
            inspection.run(true);
        }
    }

    /** How the stream ends, unless it ended already (the first cause and phase win). */
    @Override
    public void endAs(TermState.Cause cause, TermState.Phase phase) {
        if (ended) {
            return;
        }
        termination.end(cause, phase);
        if (log != null) {
            log.end(cause, phase);
        }
    }

    /**
     * stream_shutdown(): "shutdown session" (killed), or its server marked down or up: both sides
     * are closed; the log says "K-" ("D-", "U-") once the data flowed (no analyser sets a phase
     * in TCP mode).
     */
    private void killed(TermState.Cause why) {
        endAs(why, server != null ? TermState.Phase.NONE : queued ? TermState.Phase.QUEUE : TermState.Phase.CONNECT);
        abort();
    }

    /** The stream ends (an error, a timeout, or both directions ended): both sides are closed. */
    @Override
    public void abort() {
        if (connector != null) {
            connector.abandon();
        }
        // logged before the client connection is closed: its session still counts (feconn, actconn)
        end();
        client.close();
        if (server != null) {
            server.close();
        }
    }

    @Override
    public void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (inspection != null) {
            inspection.cancel();
        }
        clientWait.cancel();
        ctx.streams().remove(live);
        // what the client sent and the rules read counts in bin even when it never left (a reject)
        TrafficCounts.in(frontend, backend, target, early.release());
        if (target != null) {
            target.connectionReleased();
        }
        if (backend != null) {
            backend.backendReleased();
        }
        termination.count(backend);
        if (log != null) {
            TcpLogLine.complete(log, client, backend, connector, target);
            frontend.log().streamEnded(log, samples);
        }
        org.jhaproxy.runtime.stick.Tracking.streamEnded(samples);
    }

    /**
     * The client left (or reset) before its server connection was up: "CQ" in a queue, else
     * "CC"; while the content rules were still waiting for its data they conclude it ("CR", or
     * "PR" if they reject).
     */
    void clientLeft() {
        if (inspection != null) {
            inspection.conclude(TermState.Cause.CLIENT_CLOSE);
            return;
        }
        endAs(TermState.Cause.CLIENT_CLOSE, inQueue ? TermState.Phase.QUEUE : TermState.Phase.CONNECT);
        abort();
    }

    /**
     * The client stayed silent past its timeout before its server connection was up: the rules
     * conclude if they wait ("cR", "PR"); in a queue the stream ends "cQ", a client abort of the
     * backend (cli_abrt). haproxy lets a connection attempt go on (to its own timeout) whatever
     * the client's.
     */
    void clientTimedOut() {
        if (ended) {
            return;
        }
        if (inspection != null) {
            inspection.conclude(TermState.Cause.CLIENT_TIMEOUT);
        } else if (inQueue) {
            backend.backendCounters().cliAborts.increment();
            endAs(TermState.Cause.CLIENT_TIMEOUT, TermState.Phase.QUEUE);
            abort();
        }
    }
}
