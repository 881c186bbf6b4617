package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpVersion;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * HAProxy's HTTP connection modes (manual 4 "HTTP connection modes"): keep-alive by default,
 * "option http-server-close" closes the server side after each response, "option httpclose"
 * closes both sides. A frontend's "httpclose" or "http-server-close" applies to its backends.
 */
public enum ConnectionMode {
    KEEP_ALIVE, SERVER_CLOSE, CLOSE;

    public static ConnectionMode of(Proxy frontend, Proxy backend) {
        if (frontend.config().option("httpclose") || backend.config().option("httpclose")) {
            return CLOSE;
        }
        if (frontend.config().option("http-server-close") || backend.config().option("http-server-close")) {
            return SERVER_CLOSE;
        }
        return KEEP_ALIVE;
    }

    public static ConnectionMode ofFrontend(Proxy frontend) {
        if (frontend.config().option("httpclose")) {
            return CLOSE;
        }
        if (frontend.config().option("http-server-close")) {
            return SERVER_CLOSE;
        }
        return KEEP_ALIVE;
    }

    /** The peer wants the connection kept after this message (HTTP/1.1 unless "close", HTTP/1.0 only with "keep-alive"). */
    public static boolean wantsKeepAlive(HttpMessage m) {
        HttpHeaders h = m.headers();
        if (m.protocolVersion().equals(HttpVersion.HTTP_1_0) || m.protocolVersion().minorVersion() == 0) {
            return h.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE, true);
        }
        return !h.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
    }

    public boolean closesServer() {
        return this != KEEP_ALIVE;
    }

    public boolean closesClient() {
        return this == CLOSE;
    }
}
