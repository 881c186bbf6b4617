package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.stream.Deadline;

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
    private static final int BUFFER = 16384 - 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    /** What haproxy counts for its 100-Continue in the log's bytes (the HTX message, EOM included). */
    private static final long CONTINUE_HTX = 40;

    private final HttpStream stream;
    private final Proxy backend;
    private final RequestBody body;
    private final TransactionLog log;
    private Deadline httpRequest;
    private Deadline client;

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
     * false when the server can be chosen now. {@code timedOut} runs if the body is late.
     */
    boolean await(HttpRequest request, HttpRequest serverHead, Runnable choose, Runnable timedOut) {
        boolean chunked = HttpUtil.isTransferEncodingChunked(request);
        boolean length = request.headers().contains(HttpHeaderNames.CONTENT_LENGTH);
        if (!chunked && HttpUtil.getContentLength(request, 0L) == 0L) {
            return false; // bodyless: nothing to wait for
        }
        if (request.protocolVersion().equals(HttpVersion.HTTP_1_1) && (chunked || length)
                && "100-continue".equalsIgnoreCase(request.headers().get(HttpHeaderNames.EXPECT))) {
            stream.writeRaw(Unpooled.wrappedBuffer(CONTINUE));
            stream.client().flush();
            log.responseBytes(CONTINUE_HTX);
            serverHead.headers().remove(HttpHeaderNames.EXPECT);
        }
        if (body.complete()) {
            return false;
        }
        Proxy.Timeouts fe = stream.frontend().timeouts();
        httpRequest = new Deadline(stream.client().eventLoop(), timedOut);
        httpRequest.arm(backend.timeouts().httpRequest());
        client = new Deadline(stream.client().eventLoop(), timedOut);
        client.arm(fe.client());
        body.beforeServerChoice(() -> {
            stop();
            log.bodyReceived();
            choose.run();
        }, () -> client.arm(fe.client()));
        return true;
    }

    /** The wait is over (the body came, or the transaction ended otherwise). */
    void stop() {
        if (httpRequest != null) {
            httpRequest.cancel();
            client.cancel();
        }
    }

    /** The queued body fills what the buffer can hold beside the head. */
    static boolean full(Collection<HttpContent> queued, HttpRequest request) {
        long room = BUFFER - HtxSize.head(request);
        long n = 0;
        for (HttpContent c : queued) {
            n += c.content().readableBytes();
        }
        return n >= room;
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
