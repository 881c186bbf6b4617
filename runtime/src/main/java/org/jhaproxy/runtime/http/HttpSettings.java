package org.jhaproxy.runtime.http;

import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;

/**
 * What a proxy's configuration says about HTTP, resolved once at load so that no request looks
 * a keyword up: its connection mode, "option http-pretend-keepalive", "option forwardfor", the
 * error replies ("errorfile" over haproxy's built-in messages), and whether a POST's body is
 * awaited before its server is chosen, its "compression" settings (null without any), and
 * whether a connection that sends nothing is let go silently ("option http-ignore-probes").
 */
public record HttpSettings(HttpMode mode, boolean pretendKeepAlive, ForwardFor forwardFor, HttpReplies replies,
                           Reuse reuse, boolean preferLastServer, boolean postBodyBeforeBalance,
                           org.jhaproxy.runtime.comp.CompSettings comp, boolean ignoreProbes) {
    public static HttpSettings of(ProxyConfig config, java.util.Map<String, java.util.Map<Integer, String>> httpErrors) {
        ForwardFor ff = null;
        if (config.option("forwardfor")) {
            Line l = config.last("option", "forwardfor");
            ff = l == null ? new ForwardFor(ForwardFor.DEFAULT_HEADER, 0, 0, true) : ForwardFor.of(l);
        }
        Line reuse = config.last("http-reuse");
        return new HttpSettings(HttpMode.of(config), config.option("http-pretend-keepalive"), ff, HttpReplies.of(config, httpErrors),
                reuse == null ? Reuse.SAFE : Reuse.valueOf(reuse.arg(1).toUpperCase(java.util.Locale.ROOT)),
                // assign_server() ignores it for the hash-based algorithms
                config.option("prefer-last-server") && !hashBased(config.balanceAlgorithm()),
                // "balance url_param": a POST's server is chosen once its body is received (BodyBeforeBalance)
                "url_param".equals(config.balanceAlgorithm()),
                config.mode() == org.jhaproxy.config.model.ProxyMode.HTTP ? org.jhaproxy.runtime.comp.CompSettings.of(config) : null,
                config.option("http-ignore-probes"));
    }

    private static boolean hashBased(String balance) {
        return balance != null && (balance.startsWith("source") || balance.startsWith("uri") || balance.startsWith("url_param")
                || balance.startsWith("hdr") || balance.startsWith("rdp-cookie"));
    }

    /** "http-reuse": when a request may go over an idle connection to the server. */
    public enum Reuse {
        NEVER, SAFE, AGGRESSIVE, ALWAYS;

        /** "safe" keeps a session's first request on a connection of its own. */
        boolean allows(boolean firstOfSession) {
            return this != NEVER && (this != SAFE || !firstOfSession);
        }
    }
}
