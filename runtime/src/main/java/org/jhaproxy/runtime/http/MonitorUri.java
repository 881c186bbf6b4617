package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpRequest;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.sample.RequestUri;

/**
 * "monitor-uri" (manual 4.2): a frontend answers a request for this URI itself, with haproxy's
 * "200 OK / Service ready." message, before any rule, and logs nothing of it. A URI starting
 * with '/' is compared with the request's path (its query included, as http_parse_path() cuts
 * it, so an absolute URI matches too); another one with the whole request URI.
 */
public record MonitorUri(String uri) {
    /** The keywords executed here (RuntimeSupport's entry format). */
    public static final java.util.Set<String> EXECUTED = java.util.Set.of("proxy monitor-uri");

    public static MonitorUri of(ProxyConfig config) {
        Line l = config.isFrontend() ? config.last("monitor-uri") : null;
        return l == null || l.arg(1).isEmpty() ? null : new MonitorUri(l.arg(1));
    }

    /**
     * The request is {@code fe}'s monitor URI: counted as intercepted, logged nowhere (SF_MONITOR),
     * ended as a local answer ("LR"); the caller sends haproxy's 200.
     */
    static boolean intercepts(org.jhaproxy.runtime.proxy.Proxy fe, HttpRequest request, TransactionLog log) {
        if (fe.monitorUri() == null || !fe.monitorUri().matches(request)) {
            return false;
        }
        fe.frontendCounters().intercepted.increment();
        log.unlogged();
        log.end(org.jhaproxy.runtime.log.TermState.Cause.LOCAL, org.jhaproxy.runtime.log.TermState.Phase.REQUEST);
        return true;
    }

    boolean matches(HttpRequest request) {
        String u = request.uri();
        if (uri.startsWith("/") && uri.equals(RequestUri.pathQuery(u))) {
            return true;
        }
        return uri.equals(u);
    }
}
