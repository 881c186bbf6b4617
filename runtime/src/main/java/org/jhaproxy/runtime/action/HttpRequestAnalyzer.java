package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpRequest;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.stick.Tracking;

/**
 * The request analysers of an HTTP stream, in haproxy's order (process_stream(): tcp-request
 * content, then http_process_req_common() for the frontend: http-request rules, then redirect
 * rules; then the switching rules; then the same for the backend when it is another proxy).
 *
 * <p>The analysis may stop to wait for the request body, then resume where it stopped, as
 * haproxy's analysers yield: "option http-buffer-request" in the frontend waits before its
 * http-request rules (AN_REQ_HTTP_BODY comes right after AN_REQ_WAIT_HTTP), in a backend only
 * after the switching rules (stream_set_backend() adds the analyser when the frontend did not
 * wait), and "http-request wait-for-body" at its rule.
 */
public final class HttpRequestAnalyzer {
    private enum Stage { FRONTEND, FRONTEND_BODY, FRONTEND_RULES, SWITCHING, BACKEND_BODY, BACKEND, BACKEND_RULES, DONE }

    private final SampleContext c;
    private final HttpRequest req;
    private Stage stage = Stage.FRONTEND;
    /** The http-request rule to run next in the current proxy (after a wait-for-body, the one after it). */
    private int next;
    /** What the analysis waits for while it is stopped, else null. */
    private WaitForBody waiting;

    public HttpRequestAnalyzer(SampleContext c, HttpRequest req) {
        this.c = c;
        this.req = req;
    }

    /**
     * Runs the rules on {@code req}, which they may change. Returns null to forward the request
     * to {@code c.backend()} (null when there is no backend), {@link Reply#WAIT_BODY} when the
     * body must be waited for ({@link #waiting()} says how; call again once it came), else the
     * reply that ends it.
     */
    public Reply run() {
        waiting = null;
        Proxy fe = c.frontend();
        while (true) {
            switch (stage) {
                case FRONTEND -> {
                    CaptureAction.headers(c, req.headers(), false);
                    if (fe.rules() != ProxyRuleSets.none() && !TcpRule.run(fe.rules().tcpContent, c)) {
                        stage = Stage.DONE;
                        fe.frontendCounters().deniedReq.increment();
                        return Reply.REJECT;
                    }
                    // http_wait_for_request() counts the request on what the session and the
                    // frontend's tcp-request content rules track, before the http-request rules run
                    Tracking.httpRequest(c);
                    stage = Stage.FRONTEND_BODY;
                }
                case FRONTEND_BODY -> {
                    stage = Stage.FRONTEND_RULES;
                    next = 0;
                    if (buffersRequest(fe)) {
                        return waitFor(new WaitForBody(fe.timeouts().httpRequest(), 0));
                    }
                }
                case FRONTEND_RULES -> {
                    if (fe.rules() == ProxyRuleSets.none()) {
                        c.backend(fe.defaultBackend());
                        stage = Stage.BACKEND_BODY;
                        continue;
                    }
                    Reply r = httpRules(fe.rules());
                    if (r != null) {
                        return r;
                    }
                    stage = Stage.SWITCHING;
                }
                case SWITCHING -> {
                    ProxyRuleSets fr = fe.rules();
                    c.backend(SwitchingRule.choose(fr.switching, c, fr.proxies));
                    stage = Stage.BACKEND_BODY;
                }
                case BACKEND_BODY -> {
                    Proxy be = c.backend();
                    stage = Stage.BACKEND;
                    if (c.backendAssigned() && be != fe && buffersRequest(be) && !buffersRequest(fe)) {
                        return waitFor(new WaitForBody(be.timeouts().httpRequest(), 0));
                    }
                }
                case BACKEND -> {
                    Proxy be = c.backend();
                    // the backend's own rules run whether or not the frontend had any
                    if (!c.backendAssigned() || be == fe || be.rules() == ProxyRuleSets.none()) {
                        stage = Stage.DONE;
                        return null;
                    }
                    if (!TcpRule.run(be.rules().tcpContent, c)) {
                        // tcp_inspect_request()'s deny counts in the session's frontend only
                        stage = Stage.DONE;
                        fe.frontendCounters().deniedReq.increment();
                        return Reply.REJECT;
                    }
                    next = 0;
                    stage = Stage.BACKEND_RULES;
                }
                case BACKEND_RULES -> {
                    Reply r = httpRules(c.backend().rules());
                    if (r != Reply.WAIT_BODY) {
                        stage = Stage.DONE;
                    }
                    return r;
                }
                case DONE -> {
                    return null;
                }
            }
        }
    }

    /** How the stopped analysis waits for the body, or null when it is not stopped. */
    public WaitForBody waiting() {
        return waiting;
    }

    private Reply waitFor(WaitForBody w) {
        waiting = w;
        return Reply.WAIT_BODY;
    }

    private static boolean buffersRequest(Proxy p) {
        return p.config().option("http-buffer-request");
    }

    /**
     * The http-request rules from {@link #next}, then the cache and the redirect rules: null when
     * the request goes on, a reply, or {@link Reply#WAIT_BODY} at a wait-for-body rule.
     */
    private Reply httpRules(ProxyRuleSets rules) {
        HttpRule[] list = rules.httpRequest;
        while (next < list.length) {
            HttpRule rule = list[next++];
            if (!rule.condition().test(c)) {
                continue;
            }
            Reply r = rule.action().apply(c, req);
            if (r != null && r != Reply.WAIT_BODY) {
                c.lastRule(rule.at());
            }
            if (r == Reply.WAIT_BODY) {
                return waitFor((WaitForBody) rule.action());
            }
            if (r == Reply.ALLOW) {
                break;
            }
            if (r != null) {
                return r;
            }
        }
        next = list.length;
        // an object "cache-use" found: the cache applet answers, as a service would
        Reply hit = org.jhaproxy.runtime.cache.CacheTxn.hit(c);
        if (hit != null) {
            return hit;
        }
        Reply r = HttpRule.run(rules.redirects, c, req);
        return r == Reply.ALLOW ? null : r;
    }
}
