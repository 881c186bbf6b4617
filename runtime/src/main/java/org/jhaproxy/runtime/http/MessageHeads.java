package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import io.netty.util.AsciiString;

/**
 * The request and response heads as haproxy forwards them, after its H1 parser made them HTX:
 * values and order kept; the Connection header loses its "close" and "keep-alive" tokens (the H1
 * mux writes its own, appended last) and disappears when nothing else is left; "te" keeps only
 * "trailers"; a repeated Host goes; an interim or 204 response loses its framing headers. Names
 * go out in lower case, as HTX stores them: {@link H1Encoder} writes them so.
 *
 * <p>The decoded message's headers are reshaped in place and shared with the head that is
 * forwarded: copying them cost two header maps per exchange on the hot path.
 */
final class MessageHeads {
    /** Marks a header value to drop, found again by identity. */
    private static final String DROPPED = new String("");

    private MessageHeads() {
    }

    /**
     * The request head for the server, before the HTTP layer appends its headers: the client's,
     * whose headers it shares, reshaped in place once the http-request rules have run.
     */
    static HttpRequest forServer(HttpRequest in) {
        reshape(in.headers(), false, true, false);
        return new DefaultHttpRequest(in.protocolVersion(), in.method(), in.uri(), in.headers());
    }

    /** The bytes {@link #forServer} will take off {@code in}'s headers, leaving them as they are. */
    static long requestShrink(HttpRequest in) {
        return reshape(in.headers(), false, true, true);
    }

    /** A server's response head for the client, sharing (and reshaping) the decoded one's headers. */
    static HttpResponse forClient(HttpResponse in) {
        int code = in.status().code();
        reshape(in.headers(), code < 200 || code == 204, false, false);
        return new DefaultHttpResponse(in.protocolVersion(), in.status(), in.headers());
    }

    /** A reply template for the client: a reshaped copy, the template staying as it is. */
    static HttpResponse copyForClient(HttpResponse in) {
        DefaultHttpResponse out = new DefaultHttpResponse(in.protocolVersion(), in.status(), false);
        out.headers().add(in.headers());
        int code = in.status().code();
        reshape(out.headers(), code < 200 || code == 204, false, false);
        return out;
    }

    /**
     * A reply haproxy builds itself (return, deny, redirect...) as the H1 mux writes it: its
     * bytes with the Connection value the mux decided appended as the last header, unless the
     * reply carries its own (a redirect before the request ended, the stats page).
     */
    static ByteBuf reply(byte[] reply, String connection) {
        String head = new String(reply, StandardCharsets.ISO_8859_1);
        int eoh = head.indexOf("\r\n\r\n");
        if (connection == null || eoh < 0
                || head.substring(0, eoh).toLowerCase(Locale.ROOT).contains("\r\nconnection:")) {
            return Unpooled.wrappedBuffer(reply);
        }
        byte[] header = ("\r\nconnection: " + connection).getBytes(StandardCharsets.ISO_8859_1);
        return Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(reply, 0, eoh), Unpooled.wrappedBuffer(header),
                Unpooled.wrappedBuffer(reply, eoh, reply.length - eoh));
    }

    /** Appends the Connection value the H1 mux decided, if any, as the last header. */
    static void connection(HttpHeaders h, String value) {
        if (value != null) {
            h.add("connection", value);
        }
    }

    /**
     * Reshapes {@code h} as HTX holds it (see the class comment), or with {@code dryRun} only
     * counts: returns the bytes of names and values taken off. Each header is looked up by hash
     * first; most messages have none of them and are left untouched.
     */
    private static long reshape(HttpHeaders h, boolean noFraming, boolean request, boolean dryRun) {
        long shrink = 0;
        if (request && h.contains(HttpHeaderNames.HOST)) {
            // a repeated Host (the same value: another would have been refused) is dropped
            shrink += rewrite(h, HttpHeaderNames.HOST, true, dryRun);
        }
        if (h.contains(HttpHeaderNames.CONNECTION)) {
            shrink += rewrite(h, HttpHeaderNames.CONNECTION, false, dryRun);
        }
        if (h.contains(HttpHeaderNames.TE)) {
            shrink += rewrite(h, HttpHeaderNames.TE, false, dryRun);
        }
        if (noFraming) {
            shrink += rewrite(h, HttpHeaderNames.TRANSFER_ENCODING, false, dryRun);
            shrink += rewrite(h, HttpHeaderNames.CONTENT_LENGTH, false, dryRun);
        }
        return shrink;
    }

    /** Rewrites or drops each {@code name} header in place, keeping the order of all. */
    private static long rewrite(HttpHeaders h, AsciiString name, boolean keepFirstOnly, boolean dryRun) {
        long shrink = 0;
        boolean drops = false;
        boolean first = true;
        Iterator<Map.Entry<CharSequence, CharSequence>> it = h.iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            if (!name.contentEqualsIgnoreCase(e.getKey())) {
                continue;
            }
            CharSequence value = e.getValue();
            CharSequence kept = keptValue(name, value, keepFirstOnly, first);
            first = false;
            if (kept == value) {
                continue;
            }
            shrink += kept == null ? name.length() + value.length() : value.length() - kept.length();
            if (!dryRun) {
                drops |= kept == null;
                e.setValue(kept == null ? DROPPED : kept);
            }
        }
        if (drops) {
            Iterator<? extends CharSequence> values = h.valueCharSequenceIterator(name);
            while (values.hasNext()) {
                if (values.next() == DROPPED) {
                    values.remove();
                }
            }
        }
        return shrink;
    }

    /** What HTX keeps of one {@code name} header: the same value, another, or null to drop it. */
    private static CharSequence keptValue(AsciiString name, CharSequence value, boolean keepFirstOnly, boolean first) {
        if (keepFirstOnly) {
            return first ? value : null;
        }
        if (name == HttpHeaderNames.CONNECTION) {
            if (AsciiString.contentEqualsIgnoreCase(value, HttpHeaderValues.KEEP_ALIVE)
                    || AsciiString.contentEqualsIgnoreCase(value, HttpHeaderValues.CLOSE)) {
                return null;
            }
            String v = value.toString();
            String w = withoutPersistenceTokens(v);
            return v.equals(w) ? value : w;
        }
        if (name == HttpHeaderNames.TE) {
            if (!AsciiString.contains(value, "trailers")) {
                return null;
            }
            return AsciiString.contentEquals(value, "trailers") ? value : "trailers";
        }
        // the framing headers of a message that has no body
        return null;
    }

    /**
     * A Connection value without "close" and "keep-alive", null if nothing is left. As
     * h1_parse_connection_header does it: the value is kept as written up to the last token kept
     * while nothing was removed before it; after a removal the kept tokens are joined by ",".
     */
    private static String withoutPersistenceTokens(String value) {
        StringBuilder out = new StringBuilder();
        boolean rewritten = false;
        int i = 0;
        int e = value.length();
        while (i < e) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int n = value.indexOf(',', i);
            if (n < 0) {
                n = e;
            }
            int wend = n;
            while (wend > i && (value.charAt(wend - 1) == ' ' || value.charAt(wend - 1) == '\t')) {
                wend--;
            }
            String word = value.substring(i, wend);
            if (word.equalsIgnoreCase("close") || word.equalsIgnoreCase("keep-alive")) {
                rewritten = true;
            } else if (!rewritten) {
                out.setLength(0);
                out.append(value, 0, n);
            } else {
                if (out.length() > 0) {
                    out.append(',');
                }
                out.append(word);
            }
            i = n + 1;
        }
        return out.length() == 0 ? null : out.toString();
    }
}
