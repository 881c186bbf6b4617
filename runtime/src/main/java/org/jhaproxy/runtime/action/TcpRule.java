package org.jhaproxy.runtime.action;

import java.util.function.Consumer;
import org.jhaproxy.runtime.acl.Condition;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * One compiled "tcp-request connection|content" rule: accept, reject, or an action that lets the
 * next rules run (track-scN, sc-inc-gpc0, sc-set-gpt0...: {@code effect} is set and
 * {@code accept} ignored). An accept or a reject is the stream's last rule (last_rule_file/line).
 */
record TcpRule(Condition condition, boolean accept, Consumer<SampleContext> effect, org.jhaproxy.config.model.Position at) {
    /** True when the connection or stream may go on: the first matching accept or reject decides, else accept. */
    static boolean run(TcpRule[] rules, SampleContext c) {
        for (TcpRule r : rules) {
            if (r.condition.test(c)) {
                if (r.effect != null) {
                    r.effect.accept(c);
                    continue;
                }
                c.lastRule(r.at);
                return r.accept;
            }
        }
        return true;
    }

    /** What "tcp-request content" rules say while they may wait for data. */
    enum Verdict {
        ACCEPT, REJECT, WAIT
    }

    /**
     * tcp_inspect_request(): the rules in order, each condition three-valued; the first that
     * is not known yet makes the whole set wait for more data (or for the end of inspection).
     */
    static Verdict inspect(TcpRule[] rules, SampleContext c) {
        for (TcpRule r : rules) {
            Condition.Result res = r.condition.evaluate(c);
            if (res == Condition.Result.MISS) {
                return Verdict.WAIT;
            }
            if (res == Condition.Result.PASS) {
                if (r.effect != null) {
                    r.effect.accept(c);
                    continue;
                }
                c.lastRule(r.at);
                return r.accept ? Verdict.ACCEPT : Verdict.REJECT;
            }
        }
        return Verdict.ACCEPT;
    }
}
