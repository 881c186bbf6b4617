package org.jhaproxy.runtime.action;

import org.jhaproxy.runtime.acl.Condition;
import org.jhaproxy.runtime.logformat.CompiledLogFormat;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * One "use_backend" rule (process_switching_rules()): a backend named in the configuration, or
 * a log-format naming it at runtime; a name that is no backend ends the rule list and the
 * default backend is used.
 */
record SwitchingRule(Condition condition, Proxy backend, CompiledLogFormat dynamic) {
    /** The backend for the stream: the first matching rule's, else the default one. */
    static Proxy choose(SwitchingRule[] rules, SampleContext c, Proxies proxies) {
        Proxy fe = c.frontend();
        for (SwitchingRule r : rules) {
            if (r.condition.test(c)) {
                if (r.dynamic == null) {
                    return r.backend;
                }
                Proxy be = proxies.backend(r.dynamic.eval(c));
                if (be != null) {
                    return be;
                }
                break;
            }
        }
        return fe.defaultBackend();
    }
}
