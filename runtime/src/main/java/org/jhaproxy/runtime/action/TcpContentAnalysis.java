package org.jhaproxy.runtime.action;

import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * A TCP stream's request analysis (tcp_inspect_request(), then the switching rules, then the
 * backend's tcp_inspect_request()): each proxy's "tcp-request content" rules may wait for
 * data while its inspect-delay runs. The rules are run again at every chunk received; they are
 * final (a rule not known yet counts as not matching) once the delay expired, the client
 * closed its side, the buffer is full, or there is no delay.
 */
public final class TcpContentAnalysis {
    /** Where the analysis stands after a run. */
    public enum Outcome {
        /** A rule needs more data: run again when some comes, or at {@link #deadline()}. */
        WAIT,
        /** A "reject" rule matched (or no backend could be chosen). */
        REJECT,
        /** The backend is chosen and its rules let the stream go on. */
        DONE
    }

    private final SampleContext c;
    /** The frontend's rules passed and the switching rules chose {@link #backend}. */
    private boolean switched;
    private Proxy backend;
    /** s->rules_exp: when the current proxy's inspect-delay ends (nanoTime), 0 when not started. */
    private long rulesExp;

    public TcpContentAnalysis(SampleContext c) {
        this.c = c;
    }

    /** The backend chosen, once the switching rules ran (null before, or when none was found). */
    public Proxy backend() {
        return backend;
    }

    /** When the rules waiting now become final (nanoTime), 0 when they are not waiting. */
    public long deadline() {
        return rulesExp;
    }

    /** Runs the rules as far as the data lets them decide; {@code inputClosed}: the client shut its side. */
    public Outcome analyse(boolean inputClosed) {
        Proxy fe = c.frontend();
        if (!switched) {
            TcpRule.Verdict v = inspect(fe, inputClosed);
            if (v != TcpRule.Verdict.ACCEPT) {
                return v == TcpRule.Verdict.WAIT ? Outcome.WAIT : Outcome.REJECT;
            }
            ProxyRuleSets fr = fe.rules();
            backend = SwitchingRule.choose(fr.switching, c, fr.proxies);
            switched = true;
            rulesExp = 0;
        }
        if (backend == null) {
            return Outcome.REJECT;
        }
        if (backend != fe) {
            TcpRule.Verdict v = inspect(backend, inputClosed);
            if (v != TcpRule.Verdict.ACCEPT) {
                return v == TcpRule.Verdict.WAIT ? Outcome.WAIT : Outcome.REJECT;
            }
        }
        rulesExp = 0;
        c.backend(backend);
        return Outcome.DONE;
    }

    /** One proxy's content rules, partial while its delay runs and nothing else makes them final. */
    private TcpRule.Verdict inspect(Proxy px, boolean inputClosed) {
        ProxyRuleSets rules = px.rules();
        if (rules.tcpContent.length == 0) {
            return TcpRule.Verdict.ACCEPT;
        }
        long now = System.nanoTime();
        boolean full = c.requestBuffer() != null && c.requestBuffer().full();
        boolean expired = rulesExp != 0 && now - rulesExp >= 0;
        c.partial(!inputClosed && !full && rules.inspectDelay > 0 && !expired);
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
}
