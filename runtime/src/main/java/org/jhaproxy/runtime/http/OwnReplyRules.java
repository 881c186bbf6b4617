package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jhaproxy.runtime.action.HttpAfterResponse;
import org.jhaproxy.runtime.action.HttpResponseAnalyzer;
import org.jhaproxy.runtime.action.Reply;
import org.jhaproxy.runtime.comp.AppletCompression;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The response rules on an answer jhaproxy keeps as bytes: haproxy's own (http-request return,
 * deny, redirect, the stats page) get the http-after-response rules; an applet's ("use-service",
 * a cache hit) first the http-response rules too, as a server's response. The head is read back
 * into a message, the rules change it, and it is written again as the H1 mux writes a head:
 * names in lower case, its own Connection header last.
 */
final class OwnReplyRules {
    /** Who made the answer: which rules it goes through, and whether the log counts their changes. */
    enum Origin {
        /** haproxy's own (return, deny, redirect, errors): after-response rules, counted in %B. */
        PROXY,
        /** The stats applet: after-response rules only, not counted. */
        STATS,
        /** Another applet (a service, a cache hit): http-response then after-response rules, not counted. */
        APPLET
    }

    /** The answer once the rules ran: its bytes and status, or the reply an http-response rule put instead. */
    record Rewritten(byte[] bytes, int status, Reply denied) {
    }

    private OwnReplyRules() {
    }

    /**
     * {@code reply} through the rules of the stream {@code c} describes, as its {@code origin}
     * wants, and an applet's through the compression filter (at {@code compLevel}), or null
     * when there is nothing to run.
     */
    static Rewritten apply(SampleContext c, byte[] reply, Origin origin, int compLevel) {
        boolean responseRules = origin == Origin.APPLET && c != null && HttpResponseAnalyzer.readsAppletResponse(c);
        boolean compression = origin != Origin.PROXY && c != null && reply != null && AppletCompression.chooses(c);
        if (reply == null || !responseRules && !compression && !HttpAfterResponse.any(c)) {
            return null;
        }
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        int eoh = text.indexOf("\r\n\r\n");
        if (eoh < 0) {
            return null;
        }
        HttpResponse head = head(text.substring(0, eoh));
        String body = text.substring(eoh + 4);
        if (compression) {
            AppletCompression.responseHead(c, head);
        }
        if (responseRules) {
            Reply denied = HttpResponseAnalyzer.appletResponse(c, head);
            if (denied != null) {
                return new Rewritten(null, denied.status(), denied);
            }
        }
        HttpAfterResponse.apply(c, head);
        String compressed = compression ? AppletCompression.body(c, head, body, compLevel) : null;
        StringBuilder out = new StringBuilder(reply.length + 128);
        out.append(head.protocolVersion().text()).append(' ').append(head.status().code()).append(' ')
                .append(head.status().reasonPhrase()).append("\r\n");
        for (Map.Entry<String, String> h : head.headers()) {
            if (!h.getKey().equalsIgnoreCase("connection")) {
                out.append(h.getKey().toLowerCase(Locale.ROOT)).append(": ").append(h.getValue()).append("\r\n");
            }
        }
        // a kept answer may carry the Connection header the H1 mux adds after every other one
        for (String v : head.headers().getAll(HttpHeaderNames.CONNECTION)) {
            out.append("connection: ").append(v).append("\r\n");
        }
        out.append("\r\n").append(compressed != null ? compressed : body);
        return new Rewritten(out.toString().getBytes(StandardCharsets.ISO_8859_1), head.status().code(), null);
    }

    /**
     * %B of answer {@code r} of {@code htxBytes}: haproxy counts its own answer as the rules left
     * it, an applet's as the applet wrote it.
     */
    static long loggedBytes(Reply r, long htxBytes, Rewritten after, Origin origin) {
        if (after == null || origin != Origin.PROXY) {
            return htxBytes;
        }
        return htxBytes + HtxSize.raw(after.bytes()) - HtxSize.raw(r.bytes());
    }

    private static HttpResponse head(String block) {
        String[] lines = block.split("\r\n");
        String[] start = lines[0].split(" ", 3);
        HttpResponse head = new DefaultHttpResponse(HttpVersion.valueOf(start[0]),
                new HttpResponseStatus(Integer.parseInt(start[1]), start.length > 2 ? start[2] : ""),
                DefaultHttpHeadersFactory.headersFactory().withValidation(false));
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                head.headers().add(lines[i].substring(0, colon), lines[i].substring(colon + 1).trim());
            }
        }
        return head;
    }
}
