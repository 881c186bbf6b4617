package org.jhaproxy.runtime.http;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import org.jhaproxy.runtime.log.StreamLog;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.stream.ServerConnector;

/**
 * What an HTTP transaction reports in its log line: the dates of its steps, its sizes as
 * haproxy counts them (HTX), its status and how it ended. Every method does nothing when the
 * frontend logs no line per stream, so the transaction calls them unconditionally; how the
 * transaction ended is kept in any case, for the abort counters ({@link #termination()}).
 */
final class TransactionLog {
    private final StreamLog log;
    private final org.jhaproxy.runtime.stream.Termination termination = new org.jhaproxy.runtime.stream.Termination();
    private long bytesIn;
    private long bytesOut;
    private boolean written;
    /** A server connection took the request at some point (whether or not a line is logged). */
    private boolean everConnected;
    private org.jhaproxy.runtime.persist.Persistence persistence;

    TransactionLog(StreamLog log) {
        this.log = log;
        if (log != null) {
            // an HTTP transaction's status is -1 until a response (or an error) gives it one
            log.status = -1;
        }
    }

    /** The request head was parsed: req.total starts with it as HTX holds it (no persistence tokens). */
    void requestParsed(HttpRequest request) {
        if (log == null) {
            return;
        }
        bytesIn = HtxSize.head(request) - MessageHeads.requestShrink(request);
        log.requestReceived();
        log.requestLine = request.method().name() + " " + request.uri() + " " + request.protocolVersion().text();
    }

    /**
     * tcp-request content rules rejected the request before haproxy's HTTP processing dated it:
     * no request time; {@code unparsed}, the frontend's, came before its HTTP analysis took the
     * request, so the line is "&lt;BADREQ&gt;".
     */
    void rejectedByContent(boolean unparsed) {
        if (log != null) {
            log.request = -1;
            if (unparsed) {
                log.requestLine = null;
            }
        }
    }

    /** The stream's samples see its log record (%rt, timers) from the start, as haproxy's stream has it. */
    SampleContext attach(SampleContext samples) {
        this.samples = samples;
        return log == null ? samples : samples.log(log);
    }

    /** The body awaited before the server choice is in: the request time (TR) ends now, as http_wait_for_request_body() sets it. */
    void bodyReceived() {
        if (log != null) {
            log.requestReceived();
        }
    }

    /** haproxy logs a request that found no backend without its request time. */
    void withoutRequestTime() {
        if (log != null) {
            log.request = -1;
        }
    }

    /** http_process_tarpit(): no request time, the hold shows as the queue time (Tw), and "PT". */
    void tarpitEnded() {
        if (log != null) {
            log.request = -1;
            log.serverAssigned();
            log.end(TermState.Cause.PROXY, TermState.Phase.TARPIT);
        }
    }

    void requestPart(HttpContent part, boolean chunked) {
        if (log == null) {
            return;
        }
        bytesIn += part.content().readableBytes();
        if (part instanceof LastHttpContent last && chunked) {
            bytesIn += HtxSize.chunkedEnd(last.trailingHeaders());
        }
    }

    /**
     * The response head went to the client, with {@code bodyWithIt} bytes of body read together:
     * with "option logasap" the line is sent now (%B is what the response had in the buffer).
     */
    void headersForwarded(Proxy frontend, Proxy backend, SampleContext samples, long bodyWithIt) {
        if (log == null || written) {
            return;
        }
        fill(backend);
        log.bytesOut = bytesOut + bodyWithIt;
        if (frontend.log().headersForwarded(log, samples)) {
            written = true;
        }
    }

    /** Bytes read from the client past its request's head and body (a tunnel's), for req.total. */
    void requestBytes(long n) {
        bytesIn += n;
    }

    /** Bytes that went to the client's side of the stream (res.total). */
    void responseBytes(long n) {
        bytesOut += n;
    }

    /** A response body part forwarded to the client. */
    void responsePart(HttpContent part, boolean chunked) {
        bytesOut += part.content().readableBytes();
        if (part instanceof LastHttpContent last && chunked) {
            bytesOut += HtxSize.chunkedEnd(last.trailingHeaders());
        }
    }

    void assigned(Server s) {
        termination.server(s);
        if (log != null) {
            log.serverAssigned();
            log.server = s.name();
        }
    }

    /** An applet answers (the stats page): it is the server, assigned and "connected" at once. */
    void applet(String name) {
        if (log != null) {
            log.server = name;
            log.serverAssigned();
            log.connected();
            log.responseReceived();
        }
    }

    /** The 401 of "stats auth": the applet is the server, but haproxy logs no response time (Tr -1). */
    void appletChallenge(String name) {
        if (log != null) {
            log.server = name;
            log.serverAssigned();
            log.connected();
        }
    }

    /** The connection attempts are over: their retries, and whether they went to another server. */
    void attempts(ServerConnector connector, Proxy backend) {
        if (log != null && connector != null) {
            log.retries = Math.min(connector.retries(), backend.retries());
            log.redispatched = connector.redispatched();
            connector.logQueue(log);
        }
    }


    /** The stream's samples, which see the server connection once established (bc_src...). */
    private SampleContext samples;

    void connected(Channel ch) {
        everConnected = true;
        if (samples != null) {
            samples.serverConnection(ch);
        }
        if (log != null) {
            log.connected();
            log.serverLocal = ServerConnector.ip(ch.localAddress());
            log.serverRemote = ServerConnector.ip(org.jhaproxy.runtime.proxyprotocol.Socks4Handshake.destination(ch));
        }
    }

    /** The response passed the analysers (t_data), with its final status. */
    void responsePassed(int status) {
        if (log != null) {
            log.responseReceived();
            log.status = status;
        }
    }

    void status(int status) {
        if (log != null) {
            log.status = status;
        }
    }

    void end(TermState.Cause cause, TermState.Phase phase) {
        termination.end(cause, phase);
        if (log != null) {
            log.end(cause, phase);
        }
    }

    /** default_srv_error(): how a connection that could not be made ends the stream. */
    void end(ServerConnector.Failure f) {
        end(f.cause(), f.phase());
    }

    org.jhaproxy.runtime.stream.Termination termination() {
        return termination;
    }

    /** A server connection was established at some point. */
    boolean everConnected() {
        return everConnected;
    }

    /** The stream is still waiting in a queue (it never left one with a server). */
    boolean stillQueued() {
        return log != null && log.queue < 0;
    }

    /** The stream is not logged ("monitor-uri" requests). */
    void unlogged() {
        written = true;
    }

    /** The transaction's cookie persistence, whose flags and captures the line shows. */
    void persistence(org.jhaproxy.runtime.persist.Persistence p) {
        this.persistence = p;
    }

    private void fill(Proxy backend) {
        if (persistence != null) {
            log.cookieClient = persistence.clientFlag();
            log.cookieServer = persistence.serverFlag();
            log.requestCookie = persistence.capturedRequestCookie();
            log.responseCookie = persistence.capturedResponseCookie();
        }
        if (backend != null) {
            log.backend = backend.name();
            Server s = log.server == null ? null : backend.server(log.server);
            log.serverConns = s == null ? 0 : s.currentConns();
        }
        log.bytesIn = bytesIn;
    }

    /**
     * Writes the line once, when the stream ends (after its server slot and backend count were
     * given back, as haproxy's counters show them).
     */
    void write(Proxy frontend, Proxy backend, SampleContext samples) {
        if (written || log == null) {
            return;
        }
        written = true;
        fill(backend);
        log.bytesIn = bytesIn;
        log.bytesOut = bytesOut;
        log.closed();
        frontend.log().streamEnded(log, samples);
    }
}
