package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import io.netty.util.AsciiString;

/**
 * The request and response heads as haproxy forwards them: header names in lower case (HTX
 * stores them so), values and order kept; the Connection header loses its "close" and
 * "keep-alive" tokens (the H1 mux writes its own, appended last) and disappears when nothing
 * else is left; "te" keeps only "trailers"; an interim or 204 response loses its framing headers.
 */
final class MessageHeads {
    private MessageHeads() {
    }

    /** The request head for the server, before the HTTP layer appends its headers. */
    static HttpRequest forServer(HttpRequest in) {
        DefaultHttpRequest out = new DefaultHttpRequest(in.protocolVersion(), in.method(), in.uri(), false);
        copyHeaders(in.headers(), out.headers(), false, true);
        return out;
    }

    /** The response head for the client. */
    static HttpResponse forClient(HttpResponse in) {
        DefaultHttpResponse out = new DefaultHttpResponse(in.protocolVersion(), in.status(), false);
        int code = in.status().code();
        copyHeaders(in.headers(), out.headers(), code < 200 || code == 204, false);
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

    private static void copyHeaders(HttpHeaders from, HttpHeaders to, boolean noFraming, boolean request) {
        // names go lower case, as HTX stores them; the entries are read as the decoder made them
        // (no String copy of each) since this runs twice for every exchange
        Iterator<Map.Entry<CharSequence, CharSequence>> it = from.iteratorCharSequence();
        boolean host = false;
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> h = it.next();
            AsciiString name = AsciiString.of(h.getKey()).toLowerCase();
            CharSequence value = h.getValue();
            if (request && name.contentEquals(HttpHeaderNames.HOST)) {
                // a repeated Host (the same value: another would have been refused) is dropped
                value = host ? null : value;
                host = true;
            } else if (name.contentEquals(HttpHeaderNames.CONNECTION)) {
                value = withoutPersistenceTokens(value.toString());
            } else if (name.contentEquals(HttpHeaderNames.TE)) {
                value = AsciiString.contains(value, "trailers") ? "trailers" : null;
            } else if (noFraming && (name.contentEquals(HttpHeaderNames.TRANSFER_ENCODING)
                    || name.contentEquals(HttpHeaderNames.CONTENT_LENGTH))) {
                value = null;
            }
            if (value != null) {
                to.add(name, value);
            }
        }
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
