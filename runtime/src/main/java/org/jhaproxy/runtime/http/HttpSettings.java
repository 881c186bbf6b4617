package org.jhaproxy.runtime.http;

import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;

/**
 * What a proxy's configuration says about HTTP, resolved once at load so that no request looks
 * a keyword up: its connection mode, "option http-pretend-keepalive", "option forwardfor" and the
 * error replies ("errorfile" over haproxy's built-in messages).
 */
public record HttpSettings(HttpMode mode, boolean pretendKeepAlive, ForwardFor forwardFor, HttpReplies replies) {
    public static HttpSettings of(ProxyConfig config) {
        ForwardFor ff = null;
        if (config.option("forwardfor")) {
            Line l = config.last("option", "forwardfor");
            ff = l == null ? new ForwardFor(ForwardFor.DEFAULT_HEADER, 0, 0, true) : ForwardFor.of(l);
        }
        return new HttpSettings(HttpMode.of(config), config.option("http-pretend-keepalive"), ff, HttpReplies.of(config));
    }
}
