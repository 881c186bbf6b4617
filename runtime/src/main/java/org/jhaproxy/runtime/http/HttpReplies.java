package org.jhaproxy.runtime.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;

/**
 * A proxy's error replies by status: haproxy's built-in messages, replaced by the proxy's
 * "errorfile <code> <file>" lines (manual 4.2 errorfile; the file is sent as-is, read once here).
 */
public final class HttpReplies {
    private static final Map<Integer, HttpReply> BUILT_IN = new HashMap<>();

    static {
        for (int code : HttpErrors.codes()) {
            BUILT_IN.put(code, HttpReply.parse(HttpErrors.message(code)));
        }
    }

    private final Map<Integer, HttpReply> byStatus;

    private HttpReplies(Map<Integer, HttpReply> byStatus) {
        this.byStatus = byStatus;
    }

    static HttpReplies of(ProxyConfig config) {
        Map<Integer, HttpReply> m = new HashMap<>(BUILT_IN);
        for (Line l : config.lines()) {
            if (l.keyword().equals("errorfile")) {
                int code = Integer.parseInt(l.arg(1));
                try {
                    m.put(code, HttpReply.parse(Files.readAllBytes(Path.of(l.arg(2)))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new HttpReplies(Map.copyOf(m));
    }

    /** The reply for a status haproxy produces (500's for an unknown one). */
    public HttpReply reply(int status) {
        HttpReply r = byStatus.get(status);
        return r != null ? r : byStatus.get(500);
    }
}
