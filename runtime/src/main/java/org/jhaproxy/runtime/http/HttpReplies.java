package org.jhaproxy.runtime.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.runtime.proxy.Proxy;
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

    private final Map<Integer, HttpReply> configured;

    private HttpReplies(Map<Integer, HttpReply> configured) {
        this.configured = configured;
    }

    /**
     * The replies of a proxy: its "errorfile" and "errorfiles" lines (its defaults' first) in
     * order, a later line replacing what an earlier one set for a status, as proxy_check_errors()
     * applies them; {@code httpErrors} has the sections "errorfiles" names.
     */
    static HttpReplies of(ProxyConfig config, Map<String, Map<Integer, String>> httpErrors) {
        Map<Integer, HttpReply> m = new HashMap<>();
        for (Line l : config.lines()) {
            if (l.keyword().equals("errorfile")) {
                m.put(Integer.parseInt(l.arg(1)), read(l.arg(2)));
            } else if (l.keyword().equals("errorfiles")) {
                Map<Integer, String> section = httpErrors.getOrDefault(l.arg(1), Map.of());
                List<String> codes = l.args().size() > 2 ? l.args().subList(2, l.args().size()) : List.of();
                section.forEach((status, file) -> {
                    if (codes.isEmpty() || codes.contains(String.valueOf(status))) {
                        m.put(status, read(file));
                    }
                });
            }
        }
        return new HttpReplies(Map.copyOf(m));
    }

    private static HttpReply read(String file) {
        try {
            return HttpReply.parse(Files.readAllBytes(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * http_error_message(): the reply to {@code status} of the backend (the frontend itself
     * before one is chosen), else the frontend's, else haproxy's built-in message; a status
     * haproxy has no message for takes 500's.
     */
    public static HttpReply of(Proxy backend, Proxy frontend, int status) {
        HttpReply r = configured(backend, frontend, status);
        return r != null ? r : BUILT_IN.get(key(status));
    }

    /** The reply an errorfile gives {@code status} in the backend or else the frontend, null if neither has one. */
    public static HttpReply configured(Proxy backend, Proxy frontend, int status) {
        int key = key(status);
        HttpReply r = backend != null ? backend.http().replies().configured.get(key) : null;
        if (r == null && frontend != null) {
            r = frontend.http().replies().configured.get(key);
        }
        return r;
    }

    private static int key(int status) {
        return BUILT_IN.containsKey(status) ? status : 500;
    }
}
