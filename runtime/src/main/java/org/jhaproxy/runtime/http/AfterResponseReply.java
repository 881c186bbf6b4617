package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jhaproxy.runtime.action.HttpAfterResponse;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * haproxy's own answer kept as bytes (http-request return, deny, redirect, the stats page, a
 * service) going through the http-after-response rules: its head is read back into a message, the
 * rules change it, and it is written again as the H1 mux writes a head (names in lower case).
 */
final class AfterResponseReply {
    /** The reply once the rules ran: its bytes and its status, as sent and logged. */
    record Rewritten(byte[] bytes, int status) {
    }

    private AfterResponseReply() {
    }

    /** {@code reply} through the rules of the stream {@code c} describes, or null when it has none. */
    static Rewritten apply(SampleContext c, byte[] reply) {
        if (reply == null || !HttpAfterResponse.any(c)) {
            return null;
        }
        String text = new String(reply, StandardCharsets.ISO_8859_1);
        int eoh = text.indexOf("\r\n\r\n");
        if (eoh < 0) {
            return null;
        }
        String[] lines = text.substring(0, eoh).split("\r\n");
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
        HttpAfterResponse.apply(c, head);
        StringBuilder out = new StringBuilder(reply.length + 128);
        out.append(head.protocolVersion().text()).append(' ').append(head.status().code()).append(' ')
                .append(head.status().reasonPhrase()).append("\r\n");
        for (Map.Entry<String, String> h : head.headers()) {
            out.append(h.getKey().toLowerCase(Locale.ROOT)).append(": ").append(h.getValue()).append("\r\n");
        }
        out.append("\r\n").append(text, eoh + 4, text.length());
        return new Rewritten(out.toString().getBytes(StandardCharsets.ISO_8859_1), head.status().code());
    }
}
