package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpMessage;
import org.jhaproxy.runtime.acl.Condition;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * One compiled http-request / http-response / redirect rule: its condition, its action, and
 * its line, which a final action leaves as the stream's last rule (last_rule_file/line; null
 * for "redirect" rules, which do not).
 */
record HttpRule(Condition condition, HttpAction action, org.jhaproxy.config.model.Position at) {
    /** Runs a rule list in order (http_req_get_intercept_rule()): null when every rule let the message go on. */
    static Reply run(HttpRule[] rules, SampleContext c, HttpMessage msg) {
        for (HttpRule r : rules) {
            if (r.condition.test(c)) {
                Reply verdict = r.action.apply(c, msg);
                if (verdict != null) {
                    if (r.at != null && verdict != Reply.WAIT_BODY) {
                        c.lastRule(r.at);
                    }
                    return verdict;
                }
            }
        }
        return null;
    }
}
