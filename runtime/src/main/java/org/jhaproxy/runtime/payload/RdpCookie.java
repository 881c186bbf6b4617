package org.jhaproxy.runtime.payload;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.sample.Fetches;
import org.jhaproxy.runtime.sample.Sample;

/**
 * The cookie of an RDP connection request (configuration.txt 7.3.5 req.rdp_cookie): the line
 * "Cookie: name=value\r\n" right after the 11 bytes of the TPKT and X.224 headers, which are not
 * checked. Only that first cookie is read; its name is compared without case. Read by the
 * fetches req.rdp_cookie / req.rdp_cookie_cnt, "balance rdp-cookie" and "persist rdp-cookie".
 */
public final class RdpCookie {
    /** The keywords executed through this reader (RuntimeSupport's entry format). */
    public static final Set<String> EXECUTED = Set.of("proxy balance rdp-cookie", "proxy persist");

    private static final int HEADERS = 11;
    private static final String COOKIE = "Cookie:";

    private RdpCookie() {
    }

    static void register(Map<String, Fetches.Factory> m) {
        Fetches.Factory value = (a, s) -> {
            String name = name(a);
            return c -> {
                Reading r = read(c.requestBuffer(), name);
                if (r.mayChange()) {
                    c.sampleMayChange();
                }
                return r.value() == null ? null : Sample.str((String) r.value());
            };
        };
        m.put("req.rdp_cookie", value);
        m.put("rdp_cookie", value);
        // 1 with the cookie, 0 without; nothing while it may still come
        Fetches.Factory count = (a, s) -> {
            String name = name(a);
            return c -> {
                Reading r = read(c.requestBuffer(), name);
                if (r.mayChange()) {
                    c.sampleMayChange();
                    return null;
                }
                return Sample.sint(r.value() == null ? 0 : 1);
            };
        };
        m.put("req.rdp_cookie_cnt", count);
        m.put("rdp_cookie_cnt", count);
    }

    /** The optional cookie name argument: empty for any cookie. */
    private static String name(List<SampleArg> a) {
        return a.isEmpty() ? "" : a.get(0).text();
    }

    /**
     * The value of the cookie {@code name} (any cookie when empty): none for good when the bytes
     * are not such a line, none for now while the line is not whole. An HTTP stream (no buffer)
     * has none.
     */
    public static Reading read(RequestBuffer b, String name) {
        if (b == null) {
            return Reading.NONE;
        }
        int left = b.length();
        if (left <= HEADERS + COOKIE.length()) {
            return Reading.TOO_SHORT;
        }
        if (!b.text(HEADERS, COOKIE.length()).equalsIgnoreCase(COOKIE)) {
            return Reading.NONE;
        }
        int p = HEADERS + COOKIE.length();
        while (p < left && b.at(p) == ' ') {
            p++;
        }
        if (!name.isEmpty()) {
            if (left - p <= name.length()) {
                return Reading.TOO_SHORT;
            }
            if (b.at(p + name.length()) != '=' || !b.text(p, name.length()).equalsIgnoreCase(name)) {
                return Reading.NONE;
            }
            p += name.length() + 1;
        } else {
            while (p < left && b.at(p) != '=') {
                if (b.at(p) == '\r' || b.at(p) == '\n') {
                    return Reading.NONE;
                }
                p++;
            }
            if (p >= left) {
                return Reading.TOO_SHORT;
            }
            p++;
        }
        int start = p;
        while (p < left && b.at(p) != '\r') {
            p++;
        }
        if (left - p < 2) {
            return Reading.TOO_SHORT;
        }
        if (b.at(p + 1) != '\n') {
            return Reading.NONE;
        }
        return Reading.of(b.text(start, p - start));
    }

    /** The cookie's value when it is whole and not empty, else null: what the balancer and the persistence use. */
    public static String value(RequestBuffer b, String name) {
        Reading r = read(b, name);
        String v = r.mayChange() ? null : (String) r.value();
        return v == null || v.isEmpty() ? null : v;
    }
}
