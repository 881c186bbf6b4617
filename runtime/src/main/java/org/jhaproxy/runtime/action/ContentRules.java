package org.jhaproxy.runtime.action;

import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * One proxy's "tcp-request content" rules while they may wait for data (tcp_inspect_request()),
 * in a TCP stream or an HTTP one: partial (a rule not known yet makes them wait) until the
 * proxy's inspect-delay expires, counted from their first wait, or until nothing more can come
 * (the client closed its side, the buffer is full, the HTTP request is whole), or with no delay.
 */
final class ContentRules {
    /** s->rules_exp: when the current proxy's inspect-delay ends (nanoTime), 0 when not started. */
    private long rulesExp;

    /** The proxy's rules on what came so far; {@code inputEnded}: nothing more will come. */
    TcpRule.Verdict inspect(Proxy px, SampleContext c, boolean inputEnded) {
        ProxyRuleSets rules = px.rules();
        if (rules.tcpContent.length == 0) {
            return TcpRule.Verdict.ACCEPT;
        }
        long now = System.nanoTime();
        boolean expired = rulesExp != 0 && now - rulesExp >= 0;
        c.partial(!inputEnded && rules.inspectDelay > 0 && !expired);
        TcpRule.Verdict v;
        try {
            v = TcpRule.inspect(rules.tcpContent, c);
        } finally {
            c.partial(false);
        }
        if (v == TcpRule.Verdict.REJECT) {
            // a denied request ("dreq") of the session's frontend only, a backend's rule too
            c.frontend().frontendCounters().deniedReq.increment();
        }
        if (v == TcpRule.Verdict.WAIT && rulesExp == 0) {
            // the delay counts from the first time the rules had to wait
            rulesExp = now + rules.inspectDelay * 1_000_000L;
            if (rulesExp == 0) {
                rulesExp = 1;
            }
        }
        return v;
    }

    /** When the rules waiting now become final (nanoTime), 0 when they are not waiting. */
    long deadline() {
        return rulesExp;
    }

    /** The next proxy's rules start their own delay. */
    void done() {
        rulesExp = 0;
    }
}
