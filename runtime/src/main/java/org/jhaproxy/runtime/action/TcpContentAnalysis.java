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
    /** The wait of the proxy whose rules run now. */
    private final ContentRules rules = new ContentRules();

    public TcpContentAnalysis(SampleContext c) {
        this.c = c;
    }

    /** The backend chosen, once the switching rules ran (null before, or when none was found). */
    public Proxy backend() {
        return backend;
    }

    /** When the rules waiting now become final (nanoTime), 0 when they are not waiting. */
    public long deadline() {
        return rules.deadline();
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
            rules.done();
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
        rules.done();
        c.backend(backend);
        return Outcome.DONE;
    }

    /** One proxy's content rules, final once the client closed its side or the buffer is full. */
    private TcpRule.Verdict inspect(Proxy px, boolean inputClosed) {
        boolean full = c.requestBuffer() != null && c.requestBuffer().full();
        return rules.inspect(px, c, inputClosed || full);
    }
}
