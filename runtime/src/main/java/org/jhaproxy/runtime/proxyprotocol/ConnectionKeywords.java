package org.jhaproxy.runtime.proxyprotocol;

import java.util.Set;

/**
 * The connection-address keywords executed (RuntimeSupport lists them): the PROXY protocol on
 * both sides, the outgoing "source" address and the "socks4" proxy of a server. "bind ... accept-proxy" and "name" are in
 * BindConf.EXECUTED; the set-src/set-dst actions in the rule compilers.
 */
public final class ConnectionKeywords {
    /** Proxy keywords. */
    public static final Set<String> EXECUTED = Set.of("proxy source");
    /** Server options. */
    public static final Set<String> SERVER_OPTIONS = Set.of("send-proxy", "send-proxy-v2", "source", "socks4",
            "proxy-v2-options", "send-proxy-v2-ssl", "send-proxy-v2-ssl-cn");

    private ConnectionKeywords() {
    }
}
