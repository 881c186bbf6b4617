package org.jhaproxy.runtime.persist;

import java.util.Locale;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;

/**
 * What a proxy's configuration says about cookies and the server's identity, resolved once:
 * its persistence cookie (as a backend), its cookie capture (as a frontend), "option persist",
 * and the header "http-send-name-header" names (in lower case, as haproxy stores it).
 */
public record PersistSettings(CookieSettings cookie, CookieCapture capture, boolean persist, String nameHeader,
                              String rdpCookie) {
    /** The keywords executed here (RuntimeSupport's entry format). */
    public static final java.util.Set<String> EXECUTED = java.util.Set.of("proxy cookie", "proxy capture cookie",
            "proxy http-send-name-header", "proxy option persist");
    /** The server options executed here. */
    public static final java.util.Set<String> SERVER_OPTIONS = java.util.Set.of("cookie");

    public static final PersistSettings NONE = new PersistSettings(null, null, false, null, null);

    public static PersistSettings of(ProxyConfig config) {
        CookieSettings cookie = CookieSettings.of(config);
        CookieCapture capture = CookieCapture.of(config);
        Line name = config.isBackend() ? config.last("http-send-name-header") : null;
        String header = name == null ? null
                : name.arg(1).toLowerCase(Locale.ROOT);
        boolean persist = config.option("persist");
        // "persist rdp-cookie[(name)]": the cookie naming the server, "msts" by default
        Line rdp = config.isBackend() ? config.last("persist") : null;
        String m = rdp == null ? "" : rdp.arg(1);
        String rdpCookie = !m.startsWith("rdp-cookie") ? null
                : m.length() > 11 && m.charAt(10) == '(' ? m.substring(11, m.indexOf(')', 11)) : "msts";
        if (cookie == null && capture == null && header == null && !persist && rdpCookie == null) {
            return NONE;
        }
        return new PersistSettings(cookie, capture, persist, header, rdpCookie);
    }
}
