package org.jhaproxy.runtime.action;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jhaproxy.runtime.http.HttpErrors;

/**
 * The error message a deny sends (its deny_status, 403 by default): haproxy's built-in error
 * page, but sent through the HTTP layer as a reply, so with lower-case header names and the
 * connection kept alive, unlike the raw messages of parsing errors.
 */
public final class ErrorReplies {
    private ErrorReplies() {
    }

    /**
     * The reply of a deny in the stream of {@code c}: the errorfile of its backend or frontend
     * for that status when there is one (http_error_message()), else the built-in message.
     */
    public static Reply of(int status, org.jhaproxy.runtime.sample.SampleContext c, Reply builtIn) {
        org.jhaproxy.runtime.http.HttpReply r = org.jhaproxy.runtime.http.HttpReplies.configured(c.backend(), c.frontend(), status);
        if (r == null) {
            return builtIn;
        }
        // an empty errorfile sends nothing and the connection is closed
        return new Reply(Reply.Kind.RESPONSE, r.wire(), r.isEmpty(), false);
    }

    public static Reply of(int status) {
        var buf = HttpErrors.response(status);
        String raw = buf.toString(StandardCharsets.ISO_8859_1);
        buf.release();
        int eoh = raw.indexOf("\r\n\r\n");
        String[] lines = raw.substring(0, eoh).split("\r\n");
        StringBuilder sb = new StringBuilder(lines[0]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).toLowerCase(Locale.ROOT);
            if (!name.equals("connection")) {
                sb.append(name).append(lines[i], colon, lines[i].length()).append("\r\n");
            }
        }
        sb.append("\r\n").append(raw, eoh + 4, raw.length());
        return Reply.response(sb.toString(), false);
    }
}
