package org.jhaproxy.runtime.comp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * Compression of an applet's answer (the stats page, a service such as prometheus-exporter, a
 * cache hit): haproxy's filter sees it as any server's response, so the client's
 * Accept-Encoding chooses, the head decides before the response rules, and the body, which
 * jhaproxy keeps whole, leaves compressed in one chunk. haproxy's own replies (return, deny,
 * redirect, errors) are never compressed.
 */
public final class AppletCompression {
    private AppletCompression() {
    }

    /** The request's choice, when a proxy of the stream compresses: true if an algorithm was chosen. */
    public static boolean chooses(SampleContext c) {
        Proxy be = backend(c);
        if (c.compTxn() == null) {
            Compression.request(c, c.frontend(), be, c.request().headers());
        }
        return c.compTxn() != null && c.compTxn().algo != null;
    }

    /** Before the response rules: whether the answer with {@code head} is compressed. */
    public static boolean responseHead(SampleContext c, HttpResponse head) {
        return Compression.responseHead(c, head, c.request().method().equals(HttpMethod.HEAD), true,
                c.frontend(), backend(c));
    }

    /**
     * After the rules: the head rewritten for the coding and {@code body} (as the applet wrote
     * it, chunked or not) encoded whole, as one chunk and the last one; null when the answer is
     * not compressed.
     */
    public static String body(SampleContext c, HttpResponse head, String body, int level) {
        boolean chunked = io.netty.handler.codec.http.HttpUtil.isTransferEncodingChunked(head);
        CompEncoder encoder = Compression.startResponse(c, head, level);
        if (encoder == null) {
            return null;
        }
        StringBuilder trailers = new StringBuilder("\r\n");
        String data = chunked ? dechunk(body, trailers) : body;
        ByteBuf in = Unpooled.wrappedBuffer(data.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuf out = encoder.encode(in, true, UnpooledByteBufAllocator.DEFAULT);
        try {
            for (CompCounters counters : new CompCounters[] {c.frontend().frontendCounters().comp,
                backend(c).backendCounters().comp}) {
                if (encoder.compresses()) {
                    counters.in.add(data.length());
                    counters.out.add(out.readableBytes());
                } else {
                    counters.bypassed.add(data.length());
                }
                counters.responses.increment();
            }
            String encoded = out.toString(StandardCharsets.ISO_8859_1);
            return (encoded.isEmpty() ? "" : Integer.toHexString(encoded.length()).toUpperCase(java.util.Locale.ROOT) + "\r\n" + encoded + "\r\n") + "0\r\n"
                    + trailers;
        } finally {
            in.release();
            out.release();
        }
    }

    private static Proxy backend(SampleContext c) {
        return c.backendAssigned() ? c.backend() : c.frontend();
    }

    /** The data of a chunked body, its sizes and last chunk dropped; what follows the last chunk goes to {@code trailers}. */
    private static String dechunk(String body, StringBuilder trailers) {
        StringBuilder sb = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            String size = body.substring(i, eol);
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                trailers.setLength(0);
                trailers.append(body, eol + 2, body.length());
                break;
            }
            sb.append(body, eol + 2, eol + 2 + n);
            i = eol + 2 + n + 2;
        }
        return sb.toString();
    }
}
