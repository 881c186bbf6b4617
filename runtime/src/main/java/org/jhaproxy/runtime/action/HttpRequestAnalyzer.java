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
    private enum Stage { FRONTEND, FRONTEND_INSPECT, FRONTEND_BODY, FRONTEND_RULES, SWITCHING, BACKEND_BODY, BACKEND, BACKEND_RULES, DONE }

    private final SampleContext c;
    private final HttpRequest req;
    private Stage stage = Stage.FRONTEND;
    /** The http-request rule to run next in the current proxy (after a wait-for-body, the one after it). */
    private int next;
    /** What the analysis waits for while it is stopped, else null. */
    private WaitForBody waiting;
    /** The tcp-request content rules of the proxy at hand, which may wait for more of the request. */
    private final ContentRules inspection = new ContentRules();
    /** Whether nothing more of the request will come (whole, client closed, buffer full): the content rules are final. */
    private java.util.function.BooleanSupplier inputEnded = () -> true;
    private ContentReject contentRejected;

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
                    stage = Stage.FRONTEND_INSPECT;
                }
                case FRONTEND_INSPECT -> {
                    if (fe.rules() != ProxyRuleSets.none()) {
                        Reply r = inspect(fe);
                        if (r != null) {
                            return r;
                        }
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
                    Reply inspected = inspect(be);
                    if (inspected != null) {
                        return inspected;
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

    /**
     * The proxy's tcp-request content rules: null when they let the request go on, else
     * {@link Reply#REJECT}, or {@link Reply#WAIT_BODY} with no {@link #waiting()} when they wait
     * for more of the request until {@link #inspectDeadline()} (run again when some comes).
     */
    private Reply inspect(Proxy px) {
        TcpRule.Verdict v = inspection.inspect(px, c, inputEnded.getAsBoolean());
        if (v == TcpRule.Verdict.WAIT) {
            waiting = null;
            return Reply.WAIT_BODY;
        }
        inspection.done();
        if (v == TcpRule.Verdict.REJECT) {
            contentRejected = stage == Stage.FRONTEND_INSPECT ? ContentReject.FRONTEND : ContentReject.BACKEND;
            stage = Stage.DONE;
            return Reply.REJECT;
        }
        return null;
    }

    /** Which proxy's tcp-request content rules rejected the request, if any. */
    public enum ContentReject {
        /** Before haproxy's HTTP analysis took the request: logged with no request line ("&lt;BADREQ&gt;"). */
        FRONTEND,
        /** The backend's: the request line is known. */
        BACKEND
    }

    /**
     * Whether tcp-request content rules rejected the request (null if not), which haproxy does
     * before its HTTP processing dates the request: no request time (TR) is logged either way.
     */
    public ContentReject contentRejected() {
        return contentRejected;
    }

    /** When the waiting tcp-request content rules become final (nanoTime), 0 when they do not wait. */
    public long inspectDeadline() {
        return inspection.deadline();
    }

    /** Tells whether nothing more of the request will come, for the tcp-request content rules. */
    public void inputEnded(java.util.function.BooleanSupplier ended) {
        this.inputEnded = ended;
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
