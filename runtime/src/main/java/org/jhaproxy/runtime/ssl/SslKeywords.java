package org.jhaproxy.runtime.ssl;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The TLS keywords, bind options and server options the runtime executes (listed in RuntimeSupport). */
public final class SslKeywords {
    private static final String[] VERSIONS = {"sslv3", "tlsv10", "tlsv11", "tlsv12", "tlsv13"};

    /** Global settings: the defaults of binds and servers, where relative files are, the session cache. */
    public static final Set<String> EXECUTED = Set.of("global ca-base", "global crt-base",
            "global ssl-default-bind-ciphers", "global ssl-default-bind-ciphersuites", "global ssl-default-bind-options",
            "global ssl-default-server-ciphers", "global ssl-default-server-ciphersuites",
            "global ssl-default-server-options", "global ssl-server-verify", "global tune.ssl.cachesize",
            "global tune.ssl.lifetime");

    /** Bind options, with how many value words follow each. */
    public static final Map<String, Integer> BIND_OPTIONS = bindOptions();

    /** Server options ("no-tls-tickets", "no-ssl-reuse": jhaproxy resumes no session to servers anyway). */
    public static final Set<String> SERVER_OPTIONS = serverOptions();

    private SslKeywords() {
    }

    private static Map<String, Integer> bindOptions() {
        Map<String, Integer> m = new HashMap<>(Map.of("ssl", 0, "crt", 1, "crt-list", 1, "ca-file", 1, "verify", 1,
                "alpn", 1, "ciphers", 1, "ciphersuites", 1, "ssl-min-ver", 1, "ssl-max-ver", 1));
        m.put("no-tls-tickets", 0);
        m.put("prefer-client-ciphers", 0);
        for (String v : VERSIONS) {
            m.put("no-" + v, 0);
            m.put("force-" + v, 0);
        }
        return Map.copyOf(m);
    }

    private static Set<String> serverOptions() {
        java.util.HashSet<String> s = new java.util.HashSet<>(Set.of("ssl", "no-ssl", "verify", "ca-file", "sni", "alpn",
                "crt", "check-ssl", "no-check-ssl", "ssl-min-ver", "ssl-max-ver", "ciphers", "ciphersuites",
                "no-tls-tickets", "no-ssl-reuse"));
        for (String v : VERSIONS) {
            s.add("no-" + v);
            s.add("force-" + v);
        }
        return Set.copyOf(s);
    }
}
