package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import org.jhaproxy.runtime.action.HttpAfterResponse;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * haproxy's own reply from the HTTP layer (503, 502, 504...), as http_reply_and_close() sends
 * it: the proxy's errorfile or the built-in message, leaving like a server's response would (in
 * lower case, with the connection mode's header), its body left out for a HEAD request.
 */
final class HttpErrorReply {
    private HttpErrorReply() {
    }

    /**
     * Writes the reply to {@code status} of {@code backend} (the frontend's without one) to the
     * client, unflushed, and counts and logs it; an empty errorfile writes nothing.
     */
    static void write(HttpStream stream, Proxy backend, SampleContext samples, ConnectionMode conn, TransactionLog log,
                      boolean clientVer11, io.netty.handler.codec.http.HttpRequest request, boolean requestEnded, int status) {
        Proxy fe = stream.frontend();
        boolean headRequest = request.method().equals(io.netty.handler.codec.http.HttpMethod.HEAD);
        if (!log.everConnected()) {
            // a request no server took: its head still entered the stream (req.total), which
            // counts on the frontend, the backend and the server it was given
            HttpCounting.requestBytes(fe, backend, log.termination().server(),
                    HtxSize.head(request) - MessageHeads.requestShrink(request));
        }
        log.status(status);
        HttpReply r = HttpReplies.of(backend, fe, status);
        if (r.isEmpty()) {
            conn.responseToClient(true, true, false, false, fe.http(), true);
            return;
        }
        HttpResponse head = r.head();
        HttpCounting.reply(fe, backend, log.termination().server(), head, r.bodyLength());
        HttpResponse out = MessageHeads.copyForClient(head);
        H1Flags flags = H1Flags.of(head, false);
        // haproxy's own message as HTX holds it once http-after-response changed it, its own
        // Connection header included
        if (HttpAfterResponse.any(samples)) {
            HttpAfterResponse.apply(samples, out);
            log.status(out.status().code());
            log.responseBytes(HtxSize.head(out));
        } else {
            log.responseBytes(HtxSize.head(head));
        }
        MessageHeads.connection(out.headers(), conn.responseToClient(flags.ver11(), clientVer11,
                true, flags.transferEncoding(), fe.http(), !requestEnded));
        stream.client().write(out);
        if (!headRequest) {
            LastHttpContent body = r.body();
            log.responseBytes(body.content().readableBytes());
            stream.client().write(body);
        }
    }
}
