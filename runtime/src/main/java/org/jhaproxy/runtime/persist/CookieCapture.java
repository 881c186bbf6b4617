package org.jhaproxy.runtime.persist;

import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;

/**
 * A frontend's "capture cookie NAME len N" (manual 4.2): the first request cookie and the first
 * response Set-Cookie whose text starts with NAME are kept, cut to N characters, for %CC and %CS.
 */
public record CookieCapture(String prefix, int len) {
    /** tune.cookie_len (CAPTURE_LEN): longer lengths are cut to one less, as haproxy warns. */
    private static final int MAX = 64;

    public static CookieCapture of(ProxyConfig config) {
        if (!config.isFrontend()) {
            return null;
        }
        Line found = null;
        for (Line l : config.lines()) {
            if (l.keyword().equals("capture") && l.arg(1).equals("cookie")) {
                found = l;
            }
        }
        if (found == null) {
            return null;
        }
        long len = atol(found.arg(4));
        return new CookieCapture(found.arg(2), (int) Math.max(0, Math.min(len, MAX - 1)));
    }

    /** atol(): the leading digits, 0 without any. */
    private static long atol(String s) {
        long v = 0;
        int i = 0;
        boolean neg = i < s.length() && s.charAt(i) == '-';
        if (neg) {
            i++;
        }
        for (; i < s.length() && Character.isDigit(s.charAt(i)) && v < Integer.MAX_VALUE; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return neg ? -v : v;
    }

    /** The captured text if {@code cookie} (from its name to the end of its value) is the one. */
    String capture(CharSequence text, int from, int to) {
        if (to - from < prefix.length() || !text.subSequence(from, from + prefix.length()).toString().equals(prefix)) {
            return null;
        }
        return text.subSequence(from, Math.min(to, from + len)).toString();
    }
}
