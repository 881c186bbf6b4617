package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpRequest;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The request analysers of an HTTP stream, in haproxy's order (process_stream(): tcp-request
 * content, then http_process_req_common() for the frontend: http-request rules, then redirect
 * rules; then the switching rules; then the same for the backend when it is another proxy).
 */
public final class HttpRequestAnalyzer {
    private HttpRequestAnalyzer() {
    }

    /**
     * Runs the rules on {@code req}, which they may change. Returns null to forward the request
     * to {@code c.backend()} (null when there is no backend), else the reply that ends it.
     */
    public static Reply analyze(SampleContext c, HttpRequest req) {
        Proxy fe = c.frontend();
        CaptureAction.headers(c, req.headers(), false);
        ProxyRuleSets fr = fe.rules();
        Proxy be;
        if (fr == ProxyRuleSets.none()) {
            org.jhaproxy.runtime.stick.Tracking.httpRequest(c);
            be = fe.defaultBackend();
        } else {
            Reply r = proxyRules(fr, c, req, true);
            if (r != null) {
                return r;
            }
            be = SwitchingRule.choose(fr.switching, c, fr.proxies);
        }
        c.backend(be);
        // the backend's own rules run whether or not the frontend had any
        if (be == null || be == fe || be.rules() == ProxyRuleSets.none()) {
            return null;
        }
        return proxyRules(be.rules(), c, req, false);
    }

    private static Reply proxyRules(ProxyRuleSets rules, SampleContext c, HttpRequest req, boolean frontend) {
        if (!TcpRule.run(rules.tcpContent, c)) {
            return Reply.REJECT;
        }
        if (frontend) {
            // http_wait_for_request() counts the request on what the session and the frontend's
            // tcp-request content rules track, before the http-request rules run
            org.jhaproxy.runtime.stick.Tracking.httpRequest(c);
        }
        Reply r = HttpRule.run(rules.httpRequest, c, req);
        if (r != null && r != Reply.ALLOW) {
            return r;
        }
        // an object "cache-use" found: the cache applet answers, as a service would
        Reply hit = org.jhaproxy.runtime.cache.CacheTxn.hit(c);
        if (hit != null) {
            return hit;
        }
        r = HttpRule.run(rules.redirects, c, req);
        return r == Reply.ALLOW ? null : r;
    }
}
