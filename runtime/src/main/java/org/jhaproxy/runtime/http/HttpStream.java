package org.jhaproxy.runtime.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.jhaproxy.runtime.lb.LbRequest;
import org.jhaproxy.runtime.log.StreamLog;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.sample.Vars;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.ssl.ClientTls;
import org.jhaproxy.runtime.stick.StickCounters;
import org.jhaproxy.runtime.stream.Deadline;
import org.jhaproxy.runtime.stream.ServerConnector;
import org.jhaproxy.runtime.stream.SessionAddresses;
import org.jhaproxy.runtime.stream.SoftStop;
import org.jhaproxy.runtime.stream.StreamContext;

/**
 * An HTTP/1.1 client connection and its transactions, one at a time (HAProxy's session and its
 * successive streams): a request is decoded, given a backend and a server, forwarded as it
 * arrives (no aggregation), and the response is forwarded back the same way. Requests the
 * client pipelines wait in {@link #pending} until the current transaction ends.
 */
public final class HttpStream extends ChannelInboundHandlerAdapter {
    private final StreamContext ctx;
    private final Proxy frontend;
    private final HttpLimits limits;
    private final ArrayDeque<Object> pending = new ArrayDeque<>();
    private Channel client;
    private RequestDecoder decoder;
    private HttpTransaction txn;
    private int transactions;
    private boolean closing;
    private boolean receivedSomething;
    private boolean clientInputClosed;
    private Deadline requestDeadline;
    /** The server connections this session owns ("http-reuse never"). */
    private final SessionConnections sessionConnections = new SessionConnections();
    private Deadline serverDeadline;
    /** The log record of the next transaction, dated from the accept or the end of the previous one. */
    private StreamLog nextLog;
    /** The transaction's stream in the process's list ("show sess"). */
    private org.jhaproxy.runtime.stream.LiveStream live;
    /** The session's facts kept on the channel, looked up once per connection rather than per request. */
    private SessionAddresses addresses;
    private Vars sessionVars;
    private StickCounters sessionCounters;
    private ClientTls tls;

    public HttpStream(StreamContext ctx, Proxy frontend, HttpLimits limits) {
        this.ctx = ctx;
        this.frontend = frontend;
        this.limits = limits;
    }

    Channel client() {
        return client;
    }

    SessionConnections sessionConnections() {
        return sessionConnections;
    }

    StreamContext context() {
        return ctx;
    }

    Proxy frontend() {
        return frontend;
    }

    /** The client side's H1 decoder, null before the connection is active. */
    RequestDecoder decoder() {
        return decoder;
    }

    @Override
    public void channelActive(ChannelHandlerContext c) {
        client = c.channel();
        decoder = c.pipeline().get(RequestDecoder.class);
        nextLog = logsStreams() ? StreamLog.acceptedNow() : null;
        requestDeadline = new Deadline(client.eventLoop(), this::requestTimedOut);
        serverDeadline = new Deadline(client.eventLoop(), () -> {
            if (txn != null) {
                txn.serverTimedOut();
            }
        });
        armRequestTimeout(true);
        client.read();
    }

    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        // the end of a request answered before it came (503, deny...) is no start of the next one
        receivedSomething |= txn != null || !(msg instanceof LastHttpContent) || msg instanceof HttpRequest;
        if (closing) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (txn == null && pending.isEmpty()) {
            accept(msg);
        } else if (txn != null && txn.acceptsRequestPart()) {
            txn.requestPart((HttpContent) msg);
        } else {
            pending.add(msg);
        }
    }

    private void accept(Object msg) {
        if (msg instanceof HttpRequest req) {
            cancelExpiry();
            if (frontend.log() != null && !req.decoderResult().isFailure()) {
                logAccepted();
            }
            transactions++;
            txn = new HttpTransaction(this, req, decoder.flagsOf(req), transactions == 1, nextLog);
            live = ctx.streams().add(client, frontend, txn.live());
            txn.start(decoder.takeTeWithContentLength(), decoder);
            if (msg instanceof HttpContent content) {
                // a request the decoder could not parse comes as one full message
                ReferenceCountUtil.release(content);
            }
        } else {
            // body parts of a request that was answered already (an error): dropped
            ReferenceCountUtil.release(msg);
        }
    }

    /** frontend_accept() of each stream: "Connect from" without a log-format. */
    private void logAccepted() {
        bindSession();
        frontend.log().accepted(addresses.src() != null ? addresses.src() : client.remoteAddress(), addresses.dst());
    }

    /**
     * The session's addresses, variables, tracked counters and TLS facts: stable for the life of
     * the connection (a PROXY header or a set-src rule changes the addresses inside the same object;
     * the handshake is over before the first request), so they are looked up on the channel once.
     */
    private void bindSession() {
        if (addresses == null) {
            addresses = SessionAddresses.of(client);
            sessionVars = Vars.session(client);
            sessionCounters = StickCounters.session(client);
            tls = ClientTls.of(client);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext c) {
        if (txn != null) {
            txn.flushRequest();
        }
        readMoreIfWanted();
    }

    /** Reads on from the client while it is useful: no transaction, or a request body being forwarded. */
    void readMoreIfWanted() {
        if (closing || !client.isActive()) {
            return;
        }
        if (txn == null ? pending.isEmpty() : txn.wantsMoreRequest()) {
            client.read();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext c) {
        if (txn != null) {
            txn.clientWritabilityChanged();
        }
    }

    /** A response part from the server connection this stream owns. */
    void responsePart(Object msg) {
        if (txn == null) {
            ReferenceCountUtil.release(msg);
            return;
        }
        txn.responsePart(msg);
    }

    void responseReadComplete() {
        if (txn != null) {
            txn.responseReadComplete();
        }
    }

    void serverWritabilityChanged() {
        readMoreIfWanted();
    }

    void serverClosed() {
        if (txn != null) {
            txn.serverClosed();
        }
    }

    /** The transaction is over; the client connection goes on with the next request or closes. */
    void transactionEnded(boolean keepClient) {
        txn = null;
        freed();
        if (nextLog != null) {
            nextLog = StreamLog.next();
        }
        if (!keepClient || !client.isActive() || (clientInputClosed && pending.isEmpty())) {
            close();
            return;
        }
        armRequestTimeout(false);
        // a request that could have opened a tunnel held what followed it
        decoder.resume();
        while (!pending.isEmpty() && !closing) {
            if (txn == null) {
                accept(pending.poll());
            } else if (txn.acceptsRequestPart()) {
                txn.requestPart((HttpContent) pending.poll());
            } else {
                break;
            }
        }
        if (txn != null) {
            txn.flushRequest();
        }
        readMoreIfWanted();
    }

    /** Ends the client connection once what was written is sent. */
    void close() {
        if (closing) {
            return;
        }
        closing = true;
        cancelExpiry();
        releasePending();
        client.writeAndFlush(io.netty.buffer.Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) {
        closing = true;
        boolean probe = probe();
        if (!probe || !frontend.http().ignoreProbes()) {
            HttpCounting.closed(frontend, probe);
        }
        if (probe && !frontend.http().ignoreProbes() && nextLog != null) {
            // h1_handle_parsing_error() at the read0 of a first request: a 400 "CR" "<BADREQ>"
            // line, which "option dontlognull" drops (nothing was received)
            nextLog.status = 400;
            nextLog.end(TermState.Cause.CLIENT_CLOSE, TermState.Phase.REQUEST);
            nextLog.closed();
            frontend.log().streamEnded(nextLog, sessionSamples());
            nextLog = null;
        }
        requestDeadline.cancel();
        releasePending();
        sessionConnections.closeAll();
        if (txn != null) {
            txn.clientClosed();
            if (txn.awaitsResponseForGoneClient()) {
                // it ends with its response (transactionEnded), under "timeout server"
                return;
            }
            txn = null;
        }
        serverDeadline.cancel();
        freed();
    }

    /**
     * The transaction became a tunnel ({@link HttpTunnel}): no request follows, so this handler
     * leaves the client's pipeline with its timeouts; the tunnel ends the stream.
     */
    void tunnelled() {
        closing = true;
        requestDeadline.cancel();
        serverDeadline.cancel();
        releasePending();
        sessionConnections.closeAll();
        client.pipeline().remove(this);
    }

    /** The tunnel is over: the stream leaves the process's list. */
    void tunnelEnded() {
        txn = null;
        freed();
    }

    /** The transaction's stream is over (stream_free()): it leaves the process's list. */
    private void freed() {
        ctx.streams().remove(live);
        live = null;
    }

    /**
     * The client shut its side: an idle connection ends; a transaction whose request was whole
     * still gets its response (haproxy answers a request whose client half-closed), then the
     * connection ends; one whose request body was cut short is aborted.
     */
    @Override
    public void userEventTriggered(ChannelHandlerContext c, Object evt) {
        if (evt instanceof io.netty.channel.socket.ChannelInputShutdownEvent) {
            clientInputClosed = true;
            if (txn == null) {
                if (probe() && !closing && !frontend.http().ignoreProbes()) {
                    // h1_handle_parsing_error() at the read0 of a first request: the 400 goes out
                    // to a client that only shut its side; channelInactive() counts and logs it
                    writeRaw(HttpErrors.response(400));
                }
                close();
            } else {
                txn.clientInputClosed();
            }
            return;
        }
        if (evt == SoftStop.EVENT) {
            // an idle connection ends now; a transaction in progress ends with "connection: close"
            if (txn == null) {
                close();
            }
            return;
        }
        c.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        c.close();
    }

    private void releasePending() {
        Object o;
        while ((o = pending.poll()) != null) {
            ReferenceCountUtil.release(o);
        }
    }

    /**
     * Waiting for a request: "timeout http-request" (else "timeout client") for a first request,
     * "timeout http-keep-alive" (else http-request) between requests. A request that started
     * and did not complete in time gets a 408; an idle keep-alive connection is just closed.
     */
    private void armRequestTimeout(boolean first) {
        Proxy.Timeouts t = frontend.timeouts();
        long ms = first ? (t.httpRequest() > 0 ? t.httpRequest() : t.client())
                : (t.httpKeepAlive() > 0 ? t.httpKeepAlive() : t.httpRequest() > 0 ? t.httpRequest() : t.client());
        receivedSomething = false;
        requestDeadline.arm(ms);
    }

    private void requestTimedOut() {
        if (txn != null || closing) {
            return;
        }
        if (receivedSomething || transactions == 0 && !frontend.http().ignoreProbes()) {
            writeRaw(HttpErrors.response(408));
            if (nextLog != null) {
                // sess_log() of h1_handle_req_tout(): the 408 is logged with "cR"
                nextLog.status = 408;
                nextLog.end(TermState.Cause.CLIENT_TIMEOUT, TermState.Phase.REQUEST);
                nextLog.closed();
                frontend.log().streamEnded(nextLog, sessionSamples());
                nextLog = null;
            }
        }
        close();
    }

    /**
     * A connection that sent nothing before its first request's end (a probe, such as a load
     * balancer's health check or a browser's preconnect): its 400 or 408, line and counts are
     * haproxy's "bad request", unless "option http-ignore-probes" lets it go silently.
     */
    private boolean probe() {
        return transactions == 0 && !receivedSomething;
    }

    /** The samples of a line logged by the session, outside any transaction (sess_log()). */
    private SampleContext sessionSamples() {
        bindSession();
        return new SampleContext(addresses.src(), addresses.dst(), frontend, sessionVars)
                .stickSession(sessionCounters).tls(tls).client(client);
    }

    private void cancelExpiry() {
        if (requestDeadline != null) {
            requestDeadline.disarm();
        }
    }

    /** "timeout server" of the transaction in progress, pushed back at each server read. */
    Deadline serverDeadline() {
        return serverDeadline;
    }

    /** Bytes haproxy sends as they are (its error messages), below the HTTP/1.1 encoder. */
    void writeRaw(io.netty.buffer.ByteBuf bytes) {
        client.pipeline().context("h1-encoder").write(bytes);
    }

    private boolean logsStreams() {
        return frontend.log() != null && frontend.log().logsStreams();
    }

    HttpLimits limits() {
        return limits;
    }

    /** The client-side pipeline of an accepted HTTP connection: the H1 parser and writer, then the stream. */
    public static void install(Channel ch, StreamContext ctx, Proxy frontend, HttpLimits limits) {
        ch.pipeline().addLast("h1-traffic", new H1Traffic(frontend.frontendCounters().h1));
        ch.pipeline().addLast("h1-decoder", new RequestDecoder(limits));
        ch.pipeline().addLast("h1-encoder", new H1Encoder());
        ch.pipeline().addLast("stream", new HttpStream(ctx, frontend, limits));
    }

    /** The samples of a new request's rules: the session's addresses, variables, tracked counters and TLS. */
    SampleContext samples(HttpRequest request) {
        return sessionSamples().request(request).firstRequest(transactions == 1);
    }

    /** The server-side pipeline of a new connection to {@code server}. */
    void initServerChannel(Channel ch, Server server) {
        org.jhaproxy.runtime.fcgi.FcgiApp fcgi = ctx.engine().fcgiApps().of(server);
        if (fcgi != null) {
            // "proto fcgi": the FastCGI codec in place of the H1 one
            org.jhaproxy.runtime.fcgi.FcgiPipeline.install(ch, fcgi);
            ch.pipeline().addLast(new ServerSide(server));
            return;
        }
        ch.pipeline().addLast(new H1Traffic(server.backend().backendCounters().h1));
        ch.pipeline().addLast(new ResponseDecoder(limits));
        ch.pipeline().addLast(new H1Encoder());
        ch.pipeline().addLast(new ServerSide(server));
    }

    /**
     * Connects a request to a server of {@code backend}: {@code balanced} is what the balancing
     * algorithm sees of it, {@code destination} where a server without an address connects.
     */
    ServerConnector connector(Proxy backend, LbRequest balanced, InetSocketAddress destination,
            ServerConnector.Callback callback) {
        return new ServerConnector(ctx.transport(), client.eventLoop(), backend, balanced, destination,
                this::initServerChannel, callback);
    }
}
