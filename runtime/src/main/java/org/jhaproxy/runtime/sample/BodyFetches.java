package org.jhaproxy.runtime.sample;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jhaproxy.config.sample.SampleArg;

/**
 * The request body fetches of configuration.txt section 7.3.6 (req.body, req.body_len,
 * req.body_size, req.body_param): what the request buffer holds of the body when they run, all
 * of it once "option http-buffer-request" or "http-request wait-for-body" waited for it.
 */
final class BodyFetches {
    private BodyFetches() {
    }

    static void register(Map<String, Fetches.Factory> m) {
        m.put("req.body", (a, s) -> c -> c.requestBody() == null ? null : Sample.bin(c.requestBody().data()));
        m.put("req.body_len", (a, s) -> c -> c.requestBody() == null ? null : Sample.sint(c.requestBody().data().length));
        m.put("req.body_size", (a, s) -> c -> c.requestBody() == null ? null : Sample.sint(c.requestBody().size()));
        m.put("req.body_param", BodyFetches::param);
    }

    /**
     * req.body_param([name]): the value of the first "name=" parameter of a url-encoded body (any
     * parameter without a name), not decoded; an ACL tries each such parameter in turn.
     */
    private static Fetch param(List<SampleArg> a, CompileScope scope) {
        String name = a.isEmpty() ? "" : a.get(0).text();
        return new Fetch() {
            @Override
            public Sample fetch(SampleContext c) {
                String v = next(text(c), name, 0, null);
                return v == null ? null : value(v);
            }

            @Override
            public boolean anyMatch(SampleContext c, Predicate<Sample> test) {
                String body = text(c);
                int[] end = new int[1];
                int from = 0;
                String v;
                while (body != null && (v = next(body, name, from, end)) != null) {
                    if (test.test(value(v))) {
                        return true;
                    }
                    from = end[0];
                }
                return false;
            }
        };
    }

    /** The value as the fetch declares it: binary (its bytes as they came). */
    private static Sample value(String v) {
        return Sample.bin(v.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(SampleContext c) {
        return c.requestBody() == null ? null : new String(c.requestBody().data(), StandardCharsets.ISO_8859_1);
    }

    /**
     * The value of the next parameter from {@code from} (http_find_next_url_param() with '&'):
     * one starting with "name=", or with no name the text after the next '='. {@code end[0]}
     * gets where the value ends.
     */
    static String next(String body, String name, int from, int[] end) {
        if (body == null) {
            return null;
        }
        int start;
        if (name.isEmpty()) {
            int eq = body.indexOf('=', from);
            if (eq < 0) {
                return null;
            }
            start = eq + 1;
        } else {
            start = -1;
            for (int pos = from; pos < body.length(); ) {
                if (body.startsWith(name, pos) && pos + name.length() < body.length() && body.charAt(pos + name.length()) == '=') {
                    start = pos + name.length() + 1;
                    break;
                }
                int amp = body.indexOf('&', pos);
                if (amp < 0) {
                    break;
                }
                pos = amp + 1;
            }
            if (start < 0) {
                return null;
            }
        }
        int amp = body.indexOf('&', start);
        int stop = amp < 0 ? body.length() : amp;
        if (end != null) {
            end[0] = stop;
        }
        return body.substring(start, stop);
    }
}
