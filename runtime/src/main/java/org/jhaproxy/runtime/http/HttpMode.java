package org.jhaproxy.runtime.http;

import org.jhaproxy.config.model.ProxyConfig;

/**
 * A proxy's HTTP connection mode (manual 4 "HTTP connection modes", HAProxy's PR_O_HTTP_MODE):
 * keep-alive by default, "option http-server-close" closes the server connection after each
 * response, "option httpclose" closes both. The last of the three options in effect wins.
 */
public enum HttpMode {
    KEEP_ALIVE, SERVER_CLOSE, CLOSE;

    static HttpMode of(ProxyConfig config) {
        String m = config.httpConnectionMode();
        if (m == null) {
            return KEEP_ALIVE;
        }
        return switch (m) {
            case "httpclose" -> CLOSE;
            case "http-server-close" -> SERVER_CLOSE;
            default -> KEEP_ALIVE;
        };
    }
}
