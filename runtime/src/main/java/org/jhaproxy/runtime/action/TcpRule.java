package org.jhaproxy.runtime.action;

import org.jhaproxy.runtime.acl.Condition;
import org.jhaproxy.runtime.sample.SampleContext;

/** One compiled "tcp-request connection|content accept|reject" rule. */
record TcpRule(Condition condition, boolean accept) {
    /** True when the connection or stream may go on: the first matching rule decides, else accept. */
    static boolean run(TcpRule[] rules, SampleContext c) {
        for (TcpRule r : rules) {
            if (r.condition.test(c)) {
                return r.accept;
            }
        }
        return true;
    }
}
