package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpResponse;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * http-response rules (http_process_res_common()): the backend's first, then the frontend's
 * when it is another proxy. "allow" ends one proxy's list only.
 */
public final class HttpResponseAnalyzer {
    private HttpResponseAnalyzer() {
    }

    /**
     * Runs the stick store rules then the http-response rules on {@code res} (the head going to
     * the client, from {@code server}); null to forward it, else the reply instead.
     */
    public static Reply analyze(SampleContext c, HttpResponse res, org.jhaproxy.runtime.server.Server server) {
        Proxy be = c.backend();
        Proxy fe = c.frontend();
        CaptureAction.headers(c, res.headers(), true);
        org.jhaproxy.runtime.stick.Tracking.httpResponse(c, res.status().code());
        c.response(res);
        c.responseDirection(true);
        try {
            // AN_RES_STORE_RULES comes before the backend's http-response rules
            org.jhaproxy.runtime.stick.Sticking.response(c, server);
            return rules(c, be, fe, res);
        } finally {
            c.responseDirection(false);
        }
    }

    /**
     * The http-response rules on the response of an applet ("use-service", a cache hit): the
     * stream's backend's (the frontend while none was chosen), then the frontend's. An applet has
     * no server: no stick store. Null to forward it, else the reply instead.
     */
    public static Reply appletResponse(SampleContext c, HttpResponse res) {
        Proxy be = c.backend();
        Proxy fe = c.frontend();
        CaptureAction.headers(c, res.headers(), true);
        c.response(res);
        c.responseDirection(true);
        try {
            return rules(c, be, fe, res);
        } finally {
            c.responseDirection(false);
        }
    }

    /**
     * Whether an applet's response head must be read: for http-response rules, or for the
     * frontend's "capture response header" (http_wait_for_response() captures an applet's
     * response as a server's).
     */
    public static boolean readsAppletResponse(SampleContext c) {
        Proxy fe = c.frontend();
        if (fe.rules().hasHttpResponseRules() || c.backend().rules().hasHttpResponseRules()) {
            return true;
        }
        return fe.log() != null && !fe.log().captureSlots().response().isEmpty();
    }

    /** The backend's rules, then the frontend's when it is another proxy; "allow" ends one list. */
    private static Reply rules(SampleContext c, Proxy be, Proxy fe, HttpResponse res) {
        if (!be.rules().hasHttpResponseRules() && !fe.rules().hasHttpResponseRules()) {
            return null;
        }
        Reply r = HttpRule.run(be.rules().httpResponse, c, res);
        if (r != null && r != Reply.ALLOW) {
            return r;
        }
        if (fe != be) {
            r = HttpRule.run(fe.rules().httpResponse, c, res);
            if (r != null && r != Reply.ALLOW) {
                return r;
            }
        }
        return null;
    }
}
