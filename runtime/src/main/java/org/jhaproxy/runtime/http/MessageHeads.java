package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Locale;
import java.util.Map;

/**
 * The request and response heads as haproxy's H1 mux writes them: HAProxy 2.6 stores header
 * names in lower case (HTX) and emits them so, keeps the values and their order, and writes the
 * connection-management headers itself ({@link ConnectionMode}).
 */
public final class MessageHeads {
    private MessageHeads() {
    }

    /** The head forwarded to the server, without the hop-by-hop Connection header. */
    public static HttpRequest forServer(HttpRequest in) {
        DefaultHttpRequest out = new DefaultHttpRequest(in.protocolVersion(), in.method(), in.uri(), false);
        copyHeaders(in.headers(), out.headers());
        return out;
    }

    /** The head forwarded to the client. */
    public static HttpResponse forClient(HttpResponse in, HttpVersion version) {
        DefaultHttpResponse out = new DefaultHttpResponse(in.protocolVersion(), in.status(), false);
        copyHeaders(in.headers(), out.headers());
        return out;
    }

    private static void copyHeaders(HttpHeaders from, HttpHeaders to) {
        for (Map.Entry<String, String> h : from) {
            String name = h.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("connection")) {
                continue;
            }
            to.add(name, h.getValue());
        }
    }
}
