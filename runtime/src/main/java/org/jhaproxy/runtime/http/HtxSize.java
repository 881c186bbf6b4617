package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * How many bytes haproxy counts for an HTTP message (%B, %U, the byte counters): not the bytes on
 * the wire but the size of its HTX form. A start line is its parts plus a 20-byte descriptor
 * (struct htx_sl), a header its name and value, the end of headers one byte, the body its data,
 * and a chunked message's end one more byte plus its trailers.
 */
final class HtxSize {
    /** sizeof(struct htx_sl): flags, the method or status, the three lengths. */
    private static final int START_LINE = 20;
    /** The end-of-headers and end-of-trailers blocks. */
    private static final int END_BLOCK = 1;

    private HtxSize() {
    }

    static long head(HttpMessage m) {
        long n = START_LINE + m.protocolVersion().text().length();
        if (m instanceof HttpRequest r) {
            n += r.method().name().length() + r.uri().length();
        } else if (m instanceof HttpResponse r) {
            n += 3 + r.status().reasonPhrase().length();
        }
        return n + headers(m.headers()) + END_BLOCK;
    }

    /**
     * The framing headers of a server's response that has no body (interim, 204): they stay in
     * HTX, counted, though the H1 mux does not write them; call it before {@link MessageHeads}
     * drops them from the head the client gets.
     */
    static long bodylessFraming(HttpResponse original) {
        long n = 0;
        int code = original.status().code();
        if (code < 200 || code == 204) {
            n += framing(original.headers(), HttpHeaderNames.CONTENT_LENGTH)
                    + framing(original.headers(), HttpHeaderNames.TRANSFER_ENCODING);
        }
        return n;
    }

    private static long framing(HttpHeaders h, CharSequence name) {
        if (!h.contains(name)) {
            return 0;
        }
        long n = 0;
        for (String v : h.getAll(name)) {
            n += name.length() + v.length();
        }
        return n;
    }

    /** The end of a chunked message: its trailers and the end-of-trailers block. */
    static long chunkedEnd(HttpHeaders trailers) {
        return headers(trailers) + END_BLOCK;
    }

    private static long headers(HttpHeaders h) {
        long n = 0;
        Iterator<Map.Entry<CharSequence, CharSequence>> it = h.iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            n += e.getKey().length() + e.getValue().length();
        }
        return n;
    }

    /** A complete response haproxy builds itself (deny, return, redirect): its text parsed back. */
    static long raw(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int headEnd = s.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return bytes.length;
        }
        String[] lines = s.substring(0, headEnd).split("\r\n");
        String[] sl = lines[0].split(" ", 3);
        long n = START_LINE + sl[0].length() + (sl.length > 1 ? sl[1].length() : 0) + (sl.length > 2 ? sl[2].length() : 0);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                n += colon + lines[i].substring(colon + 1).trim().length();
            }
        }
        return n + END_BLOCK + (bytes.length - headEnd - 4);
    }
}
