package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.util.Collection;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * "balance url_param" looks for its parameter in a POST's body, so haproxy 2.6 waits for the
 * body before choosing the server (http_process_request() adds the AN_REQ_HTTP_BODY analyser
 * for every POST to such a backend, "check_post" or not, unless a cookie already chose the
 * server): until the body is whole or the buffer is full (bufsize less the maxrewrite reserve,
 * the head included). The body parts wait in the transaction's queue and all go to the server
 * once it is chosen. While it waits (http_wait_for_msg_body()), haproxy answers an HTTP/1.1
 * "Expect: 100-continue" itself with "HTTP/1.1 100 Continue" (the header does not reach the
 * server), and a body not received within the backend's "timeout http-request" (else the
 * client's idle "timeout client") gets a 408, logged "cR".
 */
final class BodyBeforeBalance {
    private final HttpStream stream;
    private final Proxy backend;
    private final RequestBody body;
    private final TransactionLog log;

    BodyBeforeBalance(HttpStream stream, Proxy backend, RequestBody body, TransactionLog log) {
        this.stream = stream;
        this.backend = backend;
        this.body = body;
        this.log = log;
    }

    /** A POST to a backend whose balancing reads POST bodies (decided at load): this may have to wait. */
    static boolean applies(Proxy backend, HttpRequest request) {
        return backend.http().postBodyBeforeBalance() && request.method().equals(HttpMethod.POST);
    }

    /**
     * Defers {@code choose} until the body is received, when this request must wait for it;
     * false when the server can be chosen now. {@code timedOut} runs if the body is late: the
     * backend's "timeout http-request" (else the client's idle timeout).
     */
    boolean await(HttpRequest request, HttpRequest serverHead, Runnable choose, Runnable timedOut) {
        return new BodyWait(stream, request, body, log).await(serverHead.headers(), backend.timeouts().httpRequest(), 0,
                () -> {
                    log.bodyReceived();
                    choose.run();
                }, timedOut);
    }

    /** The body bytes received so far (haproxy's first HTX data block). */
    static byte[] start(Collection<HttpContent> queued) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HttpContent c : queued) {
            ByteBuf b = c.content();
            byte[] chunk = new byte[b.readableBytes()];
            b.getBytes(b.readerIndex(), chunk);
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }
}
