package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpMessage;
import org.jhaproxy.runtime.acl.Condition;
import org.jhaproxy.runtime.sample.SampleContext;

/** One compiled http-request / http-response / redirect rule: its condition and its action. */
record HttpRule(Condition condition, HttpAction action) {
    /** Runs a rule list in order (http_req_get_intercept_rule()): null when every rule let the message go on. */
    static Reply run(HttpRule[] rules, SampleContext c, HttpMessage msg) {
        for (HttpRule r : rules) {
            if (r.condition.test(c)) {
                Reply verdict = r.action.apply(c, msg);
                if (verdict != null) {
                    return verdict;
                }
            }
        }
        return null;
    }
}
