package org.jhaproxy.runtime.action;

import java.util.function.Consumer;
import org.jhaproxy.runtime.acl.Condition;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * One compiled "tcp-request connection|content" rule: accept, reject, or an action that lets the
 * next rules run (track-scN, sc-inc-gpc0, sc-set-gpt0...: {@code effect} is set and
 * {@code accept} ignored).
 */
record TcpRule(Condition condition, boolean accept, Consumer<SampleContext> effect) {
    /** True when the connection or stream may go on: the first matching accept or reject decides, else accept. */
    static boolean run(TcpRule[] rules, SampleContext c) {
        for (TcpRule r : rules) {
            if (r.condition.test(c)) {
                if (r.effect != null) {
                    r.effect.accept(c);
                    continue;
                }
                return r.accept;
            }
        }
        return true;
    }
}
