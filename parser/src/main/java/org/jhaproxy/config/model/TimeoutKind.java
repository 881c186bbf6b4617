package org.jhaproxy.config.model;

/**
 * The proxy timeouts of "timeout <name>" (proxy.c proxy_parse_timeout()), each with the
 * capability a proxy needs for it to be used, in the order HAProxy tests the names.
 */
public enum TimeoutKind {
    CLIENT("client", true, false),
    TARPIT("tarpit", true, true),
    HTTP_KEEP_ALIVE("http-keep-alive", true, true),
    HTTP_REQUEST("http-request", true, true),
    SERVER("server", false, true),
    CONNECT("connect", false, true),
    CHECK("check", false, true),
    QUEUE("queue", false, true),
    TUNNEL("tunnel", false, true),
    CLIENT_FIN("client-fin", true, false),
    SERVER_FIN("server-fin", false, true);

    private final String keyword;
    private final boolean frontend;
    private final boolean backend;

    TimeoutKind(String keyword, boolean frontend, boolean backend) {
        this.keyword = keyword;
        this.frontend = frontend;
        this.backend = backend;
    }

    public String keyword() {
        return keyword;
    }

    /** Usable by a proxy with these capabilities (PR_CAP_FE/PR_CAP_BE test). */
    public boolean usableBy(boolean hasFrontend, boolean hasBackend) {
        return (frontend && hasFrontend) || (backend && hasBackend);
    }

    /** Copied from defaults into a frontend (proxy_defproxy_cpy()). */
    public boolean inheritedByFrontend() {
        return this == CLIENT || this == CLIENT_FIN || this == TARPIT || this == HTTP_REQUEST || this == HTTP_KEEP_ALIVE;
    }

    /** Copied from defaults into a backend. */
    public boolean inheritedByBackend() {
        return backend;
    }

    public static TimeoutKind byKeyword(String kw) {
        for (TimeoutKind k : values()) {
            if (k.keyword.equals(kw)) {
                return k;
            }
        }
        return null;
    }
}
