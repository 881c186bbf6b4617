package org.jhaproxy.runtime.http;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.jhaproxy.runtime.action.Reply;
import org.jhaproxy.runtime.action.Service;
import org.jhaproxy.runtime.cache.CacheTxn;
import org.jhaproxy.runtime.comp.Compression;
import org.jhaproxy.runtime.log.StreamLog;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.persist.Persistence;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.stick.Sticking;
import org.jhaproxy.runtime.stick.Tracking;
import org.jhaproxy.runtime.stream.LiveStream;
import org.jhaproxy.runtime.stream.ServerConnector;
import org.jhaproxy.runtime.stream.Termination;

/**
 * One HTTP request and its response (HAProxy's http_txn within a stream): checks what the H1
 * parser would refuse, picks the backend and the server, reuses an idle server connection where
 * "http-reuse" allows, forwards the request and the response part by part, and answers with
 * haproxy's error replies when it must. {@link ConnectionMode} decides which connections outlive it.
 */
final class HttpTransaction implements ServerConnector.Callback, ResponseForwarding.Ends {
    private final HttpStream stream;
    private final HttpRequest request;
    private final H1Flags requestFlags;
    private final boolean firstOfSession;
    private final ConnectionMode conn = new ConnectionMode();
    private final RequestBody body;
    /** The request as the server gets it, once the rules chose to forward it. */
    private ServerRequest toServer;
    private Proxy backend;
    private ServerConnector connector;
    private final ServerLeg leg = new ServerLeg();
    /** The response on its way once a server connection took the request, else null. */
    private ResponseForwarding response;
    private boolean ended;
    private final TransactionLog log;
    private boolean queuedForServer;
    private boolean backendCounted;
    /** The client closed while a whole request waited for its response, which is still read. */
    private boolean clientGone;
    private Tarpit tarpit;
    private RequestAnalysis analysis; // the rules, which may wait for the body
    /** The stream turned into a tunnel after its response head, else null. */
    private HttpTunnel tunnel;

    HttpTransaction(HttpStream stream, HttpRequest request, H1Flags requestFlags, boolean firstOfSession, StreamLog log) {
        this.stream = stream;
        this.request = request;
        this.requestFlags = requestFlags;
        this.firstOfSession = firstOfSession;
        this.log = new TransactionLog(log);
        this.body = new RequestBody(request);
    }

    /** {@code decoder} kept the bytes of a request it or the H1 flags refused, for "show errors". */
    void start(boolean teWithContentLength, RequestDecoder decoder) {
        if (request.decoderResult().isFailure() || requestFlags.refused()) {
            // the H1 mux refuses the request: its raw 400, then the connection is closed
            ErrorCapture.request(stream.frontend(), stream.client(), decoder.capture(), decoder.takeRefused(),
                    firstOfSession, requestFlags.badHost());
            body.received();
            parsingError(400);
            return;
        }
        HostAuthority.normalize(request);
        if (requestFlags.upgradeDropped()) {
            request.headers().remove(io.netty.handler.codec.http.HttpHeaderNames.UPGRADE);
        }
        log.requestParsed(request);
        body.headParsed(requestFlags.chunked(), BodyRoom.of(request, stream.limits()));
        conn.requestParsed(requestFlags, teWithContentLength, stream.frontend());
        HttpCounting.request(stream.frontend());
        if (MonitorUri.intercepts(stream.frontend(), request, log)) {
            reply(200); // "monitor-uri": haproxy's own 200
            return;
        }
        // the rules (tcp-request content, http-request, redirect, use_backend) pick the backend or answer
        analysis = new RequestAnalysis(stream, request, body, log, rulesContext(), this::analyzed, this::bodyTimedOut, this::clientInputClosed);
        analysis.run();
    }

    /** The rules decided: {@code verdict} answers the request, or null forwards it to the backend they chose. */
    private void analyzed(Reply verdict) {
        if (verdict == null) {
            stats = StatsExchange.intercept(stream, samples, request, log);
            if (stats != null) {
                if (stats.readsForm(body.complete())) {
                    return;
                }
                if (stats.pageBytes() >= 0) {
                    answer(stats.reply(), stats.pageBytes(), OwnReplyRules.Origin.STATS);
                    return;
                }
                verdict = stats.reply();
            }
        }
        if (verdict != null && verdict.kind() == Reply.Kind.TARPIT) {
            holdInTarpit(verdict.status());
            return;
        }
        if (verdict != null && verdict.service() != null) {
            serve(verdict.service());
            return;
        }
        if (verdict != null) {
            if (HttpCounting.isDeny(verdict) && stats == null) {
                HttpCounting.deniedRequest(stream.frontend(), samples.backendAssigned() ? samples.backend() : null);
            }
            answer(verdict);
            return;
        }
        toServer = new ServerRequest(request, body, requestFlags);
        backend = samples.backendAssigned() ? samples.backend() : null;
        if (IncompatibleBackend.refused(stream.frontend(), backend, request, log)) {
            answer(Reply.REJECT);
            return;
        }
        if (backend == null) {
            // no backend to go to: haproxy logs it as a connection that found no server ("SC"),
            // without the request time
            log.withoutRequestTime();
            log.end(TermState.Cause.SERVER_CLOSE, TermState.Phase.CONNECT);
            reply(503);
            return;
        }
        if (analysis.aborted()) {
            return; // the client left while the rules waited for its body: no connection (clientClosed())
        }
        backend.backendConnection();
        HttpCounting.backendRequest(backend);
        backendCounted = true;
        persistence = Persistence.request(stream.frontend(), backend, request.method(), toServer.head().headers());
        log.persistence(persistence);
        toServer.backendChosen(stream.frontend(), backend, samples);
        connector = stream.connector(backend, new BalancedRequest(request, samples.src(), body), samples.dst(), this)
                .samples(samples);
        Server persisted = Sticking.request(samples, persistence != null ? persistence.server() : null);
        if (persisted == null && BodyBeforeBalance.applies(backend, request)
                && new BodyBeforeBalance(stream, backend, body, log).await(request, toServer.head(),
                        () -> ServerChoice.start(connector, stream, backend, firstOfSession, null), this::bodyTimedOut)) {
            return;
        }
        ServerChoice.start(connector, stream, backend, firstOfSession, persisted);
    }

    @Override
    public void assigned(Server s) {
        log.assigned(s);
        samples.server(s);
    }

    @Override
    public void queued() {
        queuedForServer = true;
    }

    @Override
    public void connected(Channel ch, Server s) {
        log.attempts(connector, backend);
        connector = null;
        if (ended) {
            s.connectionReleased();
            ch.close();
            return;
        }
        log.connected(ch);
        leg.attach(ch, s, stream);
        response = new ResponseForwarding(stream, log, leg, samples, persistence, conn, request, requestFlags, this);
        toServer.send(ch, s, stream, backend, conn, samples);
        armServerTimeout();
        ch.read();
        stream.readMoreIfWanted();
    }

    @Override
    public void failed(ServerConnector.Failure failure, Server last) {
        log.attempts(connector, backend);
        log.end(failure);
        connector = null;
        reply(503);
    }

    /** http_wait_for_msg_body(): the body awaited before the server choice came too late: 408, "cR". */
    private void bodyTimedOut() {
        if (!ended) {
            log.end(TermState.Cause.CLIENT_TIMEOUT, TermState.Phase.REQUEST);
            reply(408);
        }
    }

    boolean acceptsRequestPart() {
        return !body.done();
    }

    void requestPart(HttpContent part) {
        if (part instanceof LastHttpContent) {
            body.received();
        }
        if (stats != null && !ended) {
            // an admin POST's form, for the stats applet
            log.requestPart(part, requestFlags.chunked());
            Reply r = stats.formPart(part, body.done());
            if (r != null) {
                answer(r);
            }
            return;
        }
        if (ended) {
            ReferenceCountUtil.release(part);
            return;
        }
        if (part.decoderResult().isFailure()) {
            // a body the parser rejects (an invalid chunk size) once the head was forwarded:
            // the HTTP layer answers 400 and both connections are closed, the server's gently
            ErrorCapture.requestBody(stream.frontend(), stream.client(), stream.decoder(), requestFlags, firstOfSession,
                    backend);
            ReferenceCountUtil.release(part);
            body.broken();
            leg.close();
            log.end(TermState.Cause.PROXY, TermState.Phase.HEADERS);
            reply(400);
            return;
        }
        log.requestPart(part, requestFlags.chunked());
        HttpCounting.requestBytes(stream.frontend(), backend, leg.server(), part.content().readableBytes());
        body.forward(part, leg.channel());
    }

    void flushRequest() {
        body.readEnded(stream.client());
        if (leg.connected()) {
            leg.channel().flush();
        }
    }

    /** More of the request body is wanted: the server side can take it. */
    boolean wantsMoreRequest() {
        if (body.done() || ended) {
            // a tarpit drains the request body, to see the client give up
            return tarpit != null && !body.done();
        }
        return body.roomFor(leg.channel());
    }

    void responsePart(Object msg) {
        if (ended) {
            ReferenceCountUtil.release(msg);
            return;
        }
        response.part(msg);
    }

    @Override
    public boolean over() {
        return ended;
    }

    @Override
    public void forwarded() {
        finish();
    }

    /** h1_set_tunnel_mode(): the head went out; from now on both connections carry raw bytes. */
    @Override
    public void tunnel() {
        cancelServerTimeout();
        body.release();
        tunnel = HttpTunnel.open(stream, leg, backend, log, this::tunnelEnded);
    }

    /** The tunnel ended: the stream is over, and logged with its response's status. */
    private void tunnelEnded() {
        ended = true;
        leg.releaseSlot();
        streamEnded();
    }

    @Override
    public void invalid() {
        // an invalid response: the server connection is reset, the client gets a 502
        ErrorCapture.response(stream.frontend(), stream.client(), leg.channel(), leg.server());
        Termination.failedResponse(backend, leg.server(), samples, "Invalid http response (headers)");
        leg.abort();
        log.end(TermState.Cause.PROXY, TermState.Phase.HEADERS);
        reply(502);
    }

    @Override
    public void cut(H1Flags head) {
        ErrorCapture.responseBody(stream.frontend(), stream.client(), leg.channel(), leg.server(), head);
        Termination.failedResponse(backend, leg.server(), samples, "Invalid http response (headers)");
        log.termination().serverBodyRefused();
        leg.abort();
        serverClosed();
    }

    @Override
    public void denied(Reply reply) {
        leg.close();
        log.end(TermState.Cause.PROXY, TermState.Phase.HEADERS);
        answer(reply);
    }

    private SampleContext samples;
    /** The request's cookie persistence and captures, null when nothing is configured. */
    private Persistence persistence;
    /** The stats applet answering this request, or null. */
    private StatsExchange stats;

    private SampleContext rulesContext() {
        samples = stream.samples(request);
        samples.requestComplete(body.complete());
        return log.attach(samples);
    }

    /** "http-request use-service" or a cache hit: the applet's answer, through the response rules. */
    private void serve(Service service) {
        String connection = conn.responseToClient(true, requestFlags.ver11(), true, true, stream.frontend().http(),
                !body.ended());
        Service.Answer a = ServiceExchange.call(service, stream, samples, request, log, connection);
        answer(a.reply(), a.htxBytes(), OwnReplyRules.Origin.APPLET);
    }

    /** http-request tarpit: the request is held, then answered with the error reply of {@code status}. */
    private void holdInTarpit(int status) {
        ended = true;
        backend = samples.backendAssigned() ? samples.backend() : null;
        tarpit = new Tarpit(stream, backend, log, status, this::reply, this::streamEnded);
    }

    /** A rule answered (deny, return, redirect) or rejected: the reply, then the next request or the close. */
    private void answer(Reply r) {
        answer(r, r.bytes() == null ? 0 : HtxSize.raw(r.bytes()),
                stats != null ? OwnReplyRules.Origin.STATS : OwnReplyRules.Origin.PROXY);
    }

    private void answer(Reply r, long htxBytes, OwnReplyRules.Origin origin) {
        OwnReplyRules.Rewritten after = r.kind() == Reply.Kind.REJECT ? null : OwnReplyRules.apply(samples, r.bytes(), origin,
                stream.limits().compLevel());
        if (after != null && after.denied() != null) {
            // an http-response rule replaced an applet's response: its reply goes instead
            if (HttpCounting.isDeny(after.denied())) {
                HttpCounting.deniedResponse(stream.frontend(), samples.backendAssigned() ? samples.backend() : null, null);
            }
            answer(after.denied());
            return;
        }
        ended = true;
        cancelServerTimeout();
        body.release();
        leg.close();
        leg.releaseSlot();
        log.end(r.local() ? TermState.Cause.LOCAL : TermState.Cause.PROXY, TermState.Phase.REQUEST);
        if (backend == null && (backend = samples.backendAssigned() ? samples.backend() : null) != null) {
            backendCounted = HttpCounting.ruleAnswered(backend, r); // stream_set_backend() had counted it
        }
        if (r.kind() == Reply.Kind.REJECT) {
            streamEnded();
            stream.transactionEnded(false);
            return;
        }
        log.status(after == null ? r.status() : after.status());
        long sent = OwnReplyRules.loggedBytes(r, htxBytes, after, origin);
        log.responseBytes(sent);
        HttpCounting.answered(stream.frontend(), backend, r, request, sent);
        StatsExchange.logged(stats, log);
        // the H1 mux writes the reply with its Connection header, as a server's response
        String connection = conn.responseToClient(true, requestFlags.ver11(), true, false, stream.frontend().http(),
                r.close() || !body.complete());
        if (!analysis.aborted()) { // a client gone during the wait for its body: logged, not sent
            stream.writeRaw(MessageHeads.reply(after == null ? r.bytes() : after.bytes(), connection));
        }
        stream.client().flush();
        streamEnded();
        boolean keep = !r.close() && body.complete() && !conn.closesClient() && (stats == null || !stats.closesAfter());
        stream.transactionEnded(keep);
    }

    void responseReadComplete() {
        if (ended) {
            return;
        }
        stream.client().flush();
        if (stream.client().isWritable() && leg.connected()) {
            leg.channel().read();
        }
        armServerTimeout();
    }

    void clientWritabilityChanged() {
        if (!ended && leg.connected() && stream.client().isWritable()) {
            leg.channel().read();
        }
        stream.readMoreIfWanted();
    }

    /**
     * The server closed its connection: before a response, a 502; a response cut short ends the
     * client connection too, as does a reset while the request body still flows (no reply, "SD").
     */
    void serverClosed() {
        boolean reset = leg.lost();
        if (ended) {
            return;
        }
        if (!responseStarted() && (!reset || body.ended())) {
            Termination.serverClosedEarly(backend, leg.server(), samples, reset);
            log.end(TermState.Cause.SERVER_CLOSE, TermState.Phase.HEADERS);
            reply(502);
            return;
        }
        ended = true;
        cancelServerTimeout();
        body.release();
        leg.releaseSlot();
        log.end(TermState.Cause.SERVER_CLOSE, TermState.Phase.DATA);
        stream.client().flush();
        streamEnded();
        stream.transactionEnded(false);
    }

    void clientClosed() {
        if (tarpit != null) {
            tarpit.clientGone(body::ended);
            return;
        }
        if (!ended && analysis != null && analysis.clientLeft() && ended) {
            return; // the rules the client's leaving resumed answered
        }
        if (!ended && !responseStarted() && leg.connected() && body.ended() && !abortOnClose()) {
            // without "option abortonclose" haproxy still waits for the response of a whole
            // request, then forwards it into the closed connection (logged "CD")
            clientGone = true;
            log.termination().clientGone();
            return;
        }
        boolean wasEnded = ended;
        boolean inputOnly = stream.client().isActive();
        // the phase is read before the server connection is let go: it tells whether one was up
        TermState.Phase phase = clientAbortPhase();
        ended = true;
        cancelServerTimeout();
        if (connector != null) {
            connector.abandon();
        }
        body.release();
        leg.abort();
        leg.releaseSlot();
        if (!wasEnded) {
            log.end(TermState.Cause.CLIENT_CLOSE, phase);
            streamEnded();
        }
        if (inputOnly) {
            stream.transactionEnded(false);
        }
    }

    /**
     * The client shut its side (read0) before its request body was complete: the H1 mux reports
     * an error, so the stream is aborted at once ("CD"), the server connection reset and the
     * client closed without a reply.
     */
    void clientInputClosed() {
        if (tarpit != null || !ended && !body.ended()) {
            clientClosed();
        } else if (!ended && !responseStarted() && leg.connected() && abortOnClose()) {
            // "option abortonclose": the server connection is aborted and the client gets a 400
            // (http_wait_for_response()'s client abort), logged "CH"
            leg.abort();
            log.end(TermState.Cause.CLIENT_CLOSE, TermState.Phase.HEADERS);
            reply(400);
        }
    }

    /** The client is gone but the response of its whole request is still awaited. */
    boolean awaitsResponseForGoneClient() {
        return clientGone && !ended;
    }

    private boolean abortOnClose() {
        return backend != null && backend.config().option("abortonclose");
    }

    /** Where a client abort found the stream: queued, connecting, waiting for the response, or in the data. */
    private TermState.Phase clientAbortPhase() {
        if (responseStarted()) {
            return TermState.Phase.DATA;
        }
        if (leg.connected() || log.everConnected()) {
            // http_request_forward_body() still had request body to forward: the abort is in the data
            return body.done() ? TermState.Phase.HEADERS : TermState.Phase.DATA;
        }
        if (backend == null || analysis.aborted()) {
            return TermState.Phase.REQUEST;
        }
        return queuedForServer && log.stillQueued() ? TermState.Phase.QUEUE : TermState.Phase.CONNECT;
    }

    /**
     * The stream is over (stream_free()): the backend no longer counts it, and its line is logged,
     * once, after the server slot was given back as haproxy's counters show it.
     */
    private void streamEnded() {
        if (backendCounted) {
            backendCounted = false;
            backend.backendReleased();
        }
        CacheTxn.ended(samples);
        Compression.ended(samples);
        log.termination().count(backend);
        log.write(stream.frontend(), backend, samples != null ? samples : rulesContext());
        // stream_free() after the log: the entries the stream tracked are given back
        Tracking.streamEnded(samples);
    }

    /** The final response's head went to the client: an error can no longer be answered. */
    private boolean responseStarted() {
        return response != null && response.started();
    }

    /** The response was forwarded whole: the server connection goes idle or is closed, the client goes on or closes. */
    private void finish() {
        ended = true;
        if (clientGone) {
            log.end(TermState.Cause.CLIENT_CLOSE, TermState.Phase.DATA);
        }
        cancelServerTimeout();
        leg.finish(!conn.closesServer() && body.ended(),
                backend.http().reuse() == HttpSettings.Reuse.NEVER ? stream.sessionConnections() : null);
        leg.releaseSlot();
        streamEnded();
        stream.transactionEnded(!conn.closesClient() && body.ended());
    }

    /**
     * haproxy's own reply from the HTTP layer (503, 502, 504...): it leaves like a server's
     * response, in lower case and with the connection mode's header, and the client connection
     * stays usable unless the request was not complete yet.
     */
    private void reply(int status) {
        ended = true;
        cancelServerTimeout();
        body.release();
        leg.abort();
        leg.releaseSlot();
        if (!responseStarted()) {
            HttpErrorReply.write(stream, backend, samples, conn, log, requestFlags.ver11(),
                    request, body.ended(), status);
        }
        stream.client().flush();
        streamEnded();
        stream.transactionEnded(!responseStarted() && !conn.closesClient() && body.ended());
    }

    /** An error the H1 parser detects: the raw built-in message, and the connection is closed. */
    private void parsingError(int status) {
        ended = true;
        HttpCounting.parsingError(stream.frontend(), status);
        stream.writeRaw(HttpErrors.response(status));
        stream.client().flush();
        // sess_log(): no stream was created, the mux reports the error
        log.status(status);
        log.end(TermState.Cause.PROXY, TermState.Phase.REQUEST);
        streamEnded();
        stream.transactionEnded(false);
    }

    /** "timeout server": the server must answer (and go on answering) within it, else 504. */
    private void armServerTimeout() {
        if (!ended) {
            stream.serverDeadline().arm(backend == null ? 0 : backend.timeouts().server());
        }
    }

    private void cancelServerTimeout() {
        stream.serverDeadline().disarm();
    }

    /** The server stayed silent past "timeout server": a 504, or an abort once the response started. */
    void serverTimedOut() {
        if (ended) {
            return;
        }
        if (responseStarted()) {
            log.end(TermState.Cause.SERVER_TIMEOUT, TermState.Phase.DATA);
            leg.abort();
            serverClosed();
        } else {
            leg.freeSlot();
            Termination.failedResponse(backend, leg.server(), samples, "Read timeout (http)");
            log.end(TermState.Cause.SERVER_TIMEOUT, TermState.Phase.HEADERS);
            reply(504);
        }
    }

    /** What "show sess" reads of this stream, and how "shutdown session" ends it. */
    LiveStream.Target live() {
        return new LiveStream.Target(LiveStream.Kind.HTTP,
                () -> backend, leg::server, leg::channel, this::killed);
    }

    /**
     * stream_shutdown() with SF_ERR_KILLED: a response not started yet becomes haproxy's 502
     * (logged "KH" while waiting for it), one in progress is cut.
     */
    private void killed(TermState.Cause why) {
        if (tunnel != null) {
            tunnel.kill(why);
            return;
        }
        if (ended) {
            return;
        }
        log.end(why, clientAbortPhase());
        if (connector != null) {
            connector.abandon();
            connector = null;
        }
        if (responseStarted()) {
            leg.abort();
            serverClosed();
        } else {
            reply(502);
        }
    }
}
