package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.util.Map;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.stream.TrafficCounts;

/**
 * The stats counters an HTTP transaction moves, one call per event so the transaction reads as
 * before. Bytes are counted as haproxy counts a channel's HTX payload: a start line is 20 bytes
 * plus its three parts, a header its name and value, the end of headers 1, then the body's data.
 */
final class HttpCounting {
    private HttpCounting() {
    }

    /** A request was parsed (frontend cum_req and req_rate). */
    static void request(Proxy fe) {
        fe.frontendCounters().request();
        fe.frontendCounters().h1.streams.increment();
    }

    /** The request goes to this backend (its cum_req). */
    static void backendRequest(Proxy be) {
        be.backendCounters().cumReq.increment();
    }

    /** Request bytes forwarded (bin): counted on the frontend, the backend and the server. */
    static void requestBytes(Proxy fe, Proxy be, Server s, long n) {
        TrafficCounts.in(fe, be, s, n);
    }

    /** Response bytes sent to the client (bout). */
    static void responseBytes(Proxy fe, Proxy be, Server s, long n) {
        TrafficCounts.out(fe, be, s, n);
    }

    /** A response head goes to the client (hrsp_*): the server's counts it only when it sent it. */
    static void response(Proxy fe, Proxy be, Server s, int status) {
        fe.frontendCounters().responses.add(status);
        if (be != null) {
            be.backendCounters().responses.add(status);
        }
        if (s != null) {
            s.counters().responses.add(status);
        }
    }

    /** A response head and its HTX size (see {@link HtxSize}): counted as sent (hrsp_*, bout). */
    static void responseHead(Proxy fe, Proxy be, Server s, HttpResponse head, long htxSize) {
        response(fe, be, s, head.status().code());
        responseBytes(fe, be, s, htxSize);
    }

    /**
     * The request head goes to the server: bin, and the server's cum_req. The body parts {@code held}
     * until the connection was up were counted on the frontend and the backend: haproxy's
     * stream counts its bytes on the server it ends with, so the server counts them now.
     */
    static void requestSent(Proxy fe, Proxy be, Server s, HttpRequest head,
                            java.util.Collection<io.netty.handler.codec.http.HttpContent> held) {
        s.counters().cumReq.increment();
        be.backendCounters().h1.streams.increment();
        requestBytes(fe, be, s, htx(head));
        for (io.netty.handler.codec.http.HttpContent part : held) {
            s.counters().bytesIn.add(part.content().readableBytes());
        }
    }

    /**
     * haproxy's own reply (503, 502, 504...): its status counted on the frontend and the backend,
     * its bytes on the server the stream was given too (the stream's target, null: none).
     */
    static void reply(Proxy fe, Proxy be, Server target, HttpResponse head, long bodyLength) {
        response(fe, be, null, head.status().code());
        responseBytes(fe, be, target, htx(head) + bodyLength);
    }

    /** The H1 parser refused the request (ereq) and answers with its raw error. */
    static void parsingError(Proxy fe, int status) {
        fe.frontendCounters().failedReq.increment();
        fe.frontendCounters().h1.streams.increment();
        response(fe, null, null, status);
    }

    /** A body waited for came too late (http_wait_for_msg_body()): an invalid request (ereq), then its 408. */
    static void bodyTimedOut(Proxy fe) {
        fe.frontendCounters().failedReq.increment();
    }

    /**
     * The client connection closed. One that never sent a byte counts as haproxy's H1 mux counts
     * it: a request (req_tot) that was invalid (ereq) and got a 400, which only a client that
     * merely shut its side receives.
     */
    static void closed(Proxy fe, boolean empty) {
        if (empty) {
            // the H1 mux made no stream of it (h1_total_streams stays)
            fe.frontendCounters().request();
            fe.frontendCounters().failedReq.increment();
            response(fe, null, null, 400);
        }
    }

    /**
     * A rule's answer (deny, return, redirect, a reject) with the backend the switching rules
     * chose ({@code be}, null: none): stream_set_backend() counted the stream on it (stot, scur),
     * and a stream ending with a status counts a request of it (req_tot). True when it counted.
     */
    static boolean ruleAnswered(Proxy be, org.jhaproxy.runtime.action.Reply r) {
        if (be == null) {
            return false;
        }
        be.backendConnection();
        if (r.kind() == org.jhaproxy.runtime.action.Reply.Kind.RESPONSE) {
            backendRequest(be);
        }
        return true;
    }

    /**
     * The bytes of a request a rule answered (bin: its head as HTX holds it) and of the answer
     * (bout), which stream_process_counters() counts on the frontend and on the stream's backend:
     * the one assigned, else the proxy itself (a "listen"'s backend side counts them).
     */
    private static void answerBytes(Proxy fe, Proxy be, HttpRequest request, long sent) {
        Proxy target = be != null ? be : fe.backendCounters() != null ? fe : null;
        requestBytes(fe, target, null, HtxSize.head(request) - MessageHeads.requestShrink(request));
        responseBytes(fe, target, null, sent);
    }

    /** A rule answered instead of forwarding (deny, return, redirect, the stats page, an applet): its status and its bytes. */
    static void answered(Proxy fe, Proxy be, org.jhaproxy.runtime.action.Reply r, HttpRequest request, long sent) {
        if (r.kind() == org.jhaproxy.runtime.action.Reply.Kind.RESPONSE && r.status() > 0) {
            response(fe, be, null, r.status());
        }
        answerBytes(fe, be, request, sent);
    }

    /**
     * An http-request deny (http_process_req_common()): the frontend counts a denied request,
     * and the backend too when the rule was its own (SF_BE_ASSIGNED, {@code be} non-null).
     */
    static void deniedRequest(Proxy fe, Proxy be) {
        fe.frontendCounters().deniedReq.increment();
        if (be != null && be.backendCounters() != null) {
            be.backendCounters().deniedReq.increment();
        }
    }

    /** An http-response deny (http_process_res_common()): frontend, backend and server count it. */
    static void deniedResponse(Proxy fe, Proxy be, org.jhaproxy.runtime.server.Server s) {
        fe.frontendCounters().deniedResp.increment();
        if (be != null && be.backendCounters() != null) {
            be.backendCounters().deniedResp.increment();
        }
        if (s != null) {
            s.counters().deniedResp.increment();
        }
    }

    /** A rule's reply that is a refusal (deny), not a local answer (return, redirect) nor a reject. */
    static boolean isDeny(org.jhaproxy.runtime.action.Reply r) {
        return r.kind() == org.jhaproxy.runtime.action.Reply.Kind.RESPONSE && !r.local();
    }

    /** The HTX size of a message head (start line, headers, end of headers). */
    static long htx(HttpMessage m) {
        return HtxSize.head(m);
    }
}
