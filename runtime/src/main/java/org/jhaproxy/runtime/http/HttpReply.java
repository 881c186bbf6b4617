package org.jhaproxy.runtime.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;

/**
 * A response haproxy produces itself (struct http_reply): an error message, built in or read
 * from an "errorfile" at load time. haproxy parses these messages into HTX like a server's
 * response, so they leave through the same H1 output: header names in lower case and the
 * Connection header of the connection mode. Each use gets its own head and body buffer.
 */
public final class HttpReply {
    private final HttpResponse head;
    private final byte[] body;

    private HttpReply(HttpResponse head, byte[] body) {
        this.head = head;
        this.body = body;
    }

    /**
     * Parses a complete HTTP/1 response message (Netty's decoder, at load time only). An empty
     * message (an errorfile pointing to /dev/null) is a reply that sends nothing.
     */
    static HttpReply parse(byte[] message) {
        if (message.length == 0) {
            return new HttpReply(null, message);
        }
        EmbeddedChannel ch = new EmbeddedChannel(new HttpResponseDecoder());
        ch.writeInbound(Unpooled.wrappedBuffer(message));
        ch.finish();
        HttpResponse head = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Object o;
        while ((o = ch.readInbound()) != null) {
            if (o instanceof HttpResponse r && head == null && !r.decoderResult().isFailure()) {
                head = new DefaultHttpResponse(r.protocolVersion(), r.status(), r.headers().copy());
            }
            if (o instanceof HttpContent c) {
                byte[] bytes = new byte[c.content().readableBytes()];
                c.content().readBytes(bytes);
                body.writeBytes(bytes);
            }
            ReferenceCountUtil.release(o);
        }
        if (head == null) {
            throw new IllegalArgumentException("not an HTTP response");
        }
        return new HttpReply(head, body.toByteArray());
    }

    /** A fresh copy of the head, for one transaction to modify and write. */
    HttpResponse head() {
        return new DefaultHttpResponse(head.protocolVersion(), head.status(), head.headers().copy());
    }

    /** The body as the last content of the message, a new buffer the writer releases. */
    LastHttpContent body() {
        return new DefaultLastHttpContent(Unpooled.wrappedBuffer(body));
    }

    /** The body's length, for the stats' byte counts. */
    long bodyLength() {
        return body.length;
    }

    /** Nothing is to be sent (an empty errorfile). */
    boolean isEmpty() {
        return head == null;
    }
}
