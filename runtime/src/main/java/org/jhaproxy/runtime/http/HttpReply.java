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
    private volatile byte[] wire;

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

    /**
     * The message as a rule's reply leaves (deny): parsed into HTX and written by the H1 mux, so
     * header names in lower case and no Connection header (the connection mode adds its own).
     * Made once per reply.
     */
    public byte[] wire() {
        byte[] w = wire;
        if (w == null) {
            w = head == null ? new byte[0] : render();
            wire = w;
        }
        return w;
    }

    private byte[] render() {
        StringBuilder sb = new StringBuilder();
        sb.append(head.protocolVersion().text()).append(' ').append(head.status().code()).append(' ')
                .append(head.status().reasonPhrase()).append("\r\n");
        for (java.util.Map.Entry<String, String> h : head.headers()) {
            String name = h.getKey().toLowerCase(java.util.Locale.ROOT);
            if (!name.equals("connection")) {
                sb.append(name).append(": ").append(h.getValue()).append("\r\n");
            }
        }
        sb.append("\r\n");
        byte[] headBytes = sb.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }

    /** Nothing is to be sent (an empty errorfile). */
    public boolean isEmpty() {
        return head == null;
    }
}
