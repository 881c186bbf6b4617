package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpResponse;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * "http-after-response" rules (http_eval_after_res_rules()): they run on every response leaving
 * the stream, a server's after its http-response rules, and haproxy's own answers (return, deny,
 * redirect, errors). The backend's first (the frontend when none was chosen), then the
 * frontend's when it is another proxy; "allow" ends one proxy's list only.
 */
public final class HttpAfterResponse {
    /** The actions haproxy 2.6 accepts there that jhaproxy executes. */
    public static final java.util.List<String> ACTIONS = java.util.List.of("set-header", "add-header", "del-header",
            "replace-header", "replace-value", "set-status", "allow", "set-var", "unset-var", "set-var-fmt");

    private HttpAfterResponse() {
    }

    /** Whether a response of this stream has rules to go through (decided per proxy at start). */
    public static boolean any(SampleContext c) {
        return c != null && (c.frontend().rules().hasAfterResponseRules() || backend(c).rules().hasAfterResponseRules());
    }

    /** Runs the rules on {@code head}, the response as it will leave (before the Connection header). */
    public static void apply(SampleContext c, HttpResponse head) {
        if (!any(c)) {
            return;
        }
        Proxy fe = c.frontend();
        Proxy be = backend(c);
        c.response(head);
        c.responseDirection(true);
        try {
            HttpRule.run(be.rules().httpAfterResponse, c, head);
            if (fe != be) {
                HttpRule.run(fe.rules().httpAfterResponse, c, head);
            }
        } finally {
            c.responseDirection(false);
        }
    }

    private static Proxy backend(SampleContext c) {
        return c.backendAssigned() && c.backend() != null ? c.backend() : c.frontend();
    }
}
