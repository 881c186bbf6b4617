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
 * for every POST to such a backend, "check_post" or not): until the body is whole or the
 * buffer is full (bufsize less the maxrewrite reserve, the head included). The body parts wait
 * in the transaction's queue and all go to the server once it is chosen.
 */
final class BodyBeforeBalance {
    private static final int BUFFER = 16384 - 1024;

    private BodyBeforeBalance() {
    }

    /** Whether the request's body must be waited for before its server is chosen. */
    static boolean awaited(Proxy backend, HttpRequest request, boolean complete) {
        return !complete && request.method().equals(HttpMethod.POST) && "url_param".equals(backend.config().balanceAlgorithm());
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
