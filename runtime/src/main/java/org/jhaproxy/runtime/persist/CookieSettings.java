package org.jhaproxy.runtime.persist;

import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.sample.Units;
import org.jhaproxy.config.source.Line;

/**
 * A backend's "cookie" line (manual 4.2 "cookie"): the persistence cookie's name, its mode
 * (rewrite, insert, prefix, or passive without any), and how an inserted Set-Cookie is dressed.
 * The last "cookie" line wins, options of an earlier one are not kept (as cfgparse resets them).
 */
public record CookieSettings(String name, boolean rewrite, boolean insert, boolean prefix, boolean indirect,
                             boolean nocache, boolean postonly, boolean preserve, boolean httponly, boolean secure,
                             String domain, long maxidle, long maxlife, String attrs) {

    /** The backend's cookie settings, or null when it names no persistence cookie. */
    public static CookieSettings of(ProxyConfig config) {
        if (!config.isBackend()) {
            return null;
        }
        Line l = config.last("cookie");
        if (l == null || l.arg(1).isEmpty()) {
            return null;
        }
        boolean rw = false, ins = false, pfx = false, ind = false, noc = false, post = false, psv = false,
                httponly = false, secure = false;
        StringBuilder domain = null;
        StringBuilder attrs = null;
        long maxidle = 0;
        long maxlife = 0;
        for (int i = 2; !l.arg(i).isEmpty(); i++) {
            switch (l.arg(i)) {
                case "rewrite" -> rw = true;
                case "insert" -> ins = true;
                case "prefix" -> pfx = true;
                case "indirect" -> ind = true;
                case "nocache" -> noc = true;
                case "postonly" -> post = true;
                case "preserve" -> psv = true;
                case "httponly" -> httponly = true;
                case "secure" -> secure = true;
                case "domain" -> {
                    // several domains are emitted as "d1; domain=d2"
                    domain = domain == null ? new StringBuilder(l.arg(++i)) : domain.append("; domain=").append(l.arg(++i));
                }
                case "attr" -> attrs = attrs == null ? new StringBuilder(l.arg(++i)) : attrs.append("; ").append(l.arg(++i));
                case "maxidle" -> maxidle = seconds(l.arg(++i));
                case "maxlife" -> maxlife = seconds(l.arg(++i));
                default -> {
                    // "dynamic" is refused by RuntimeSupport.unsupportedCookieOption()
                }
            }
        }
        return new CookieSettings(l.arg(1), rw, ins, pfx, ind, noc, post, psv, httponly, secure,
                domain == null ? null : domain.toString(), maxidle, maxlife, attrs == null ? null : attrs.toString());
    }

    /** A delay in seconds unless a unit says otherwise (parse_time_err() with TIME_UNIT_S). */
    private static long seconds(String s) {
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(s);
        }
        Long ms = Units.parseTime(s);
        return ms == null ? 0 : ms / 1000;
    }

    /** PR_CK_ANY: a mode was given; only then does the log show the cookie flags of %tsc. */
    public boolean anyMode() {
        return rewrite || insert || prefix || indirect;
    }
}
