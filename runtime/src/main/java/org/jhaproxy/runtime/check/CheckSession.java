package org.jhaproxy.runtime.check;

import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.sample.Vars;

/**
 * What the log-format strings and sample expressions of one check run see (the check's session
 * and its "check" variables, tcpcheck_main() creating them at the first rule): the variables
 * that "set-var(check.x)" writes live as long as the run, and the data read so far.
 */
final class CheckSession {
    private final SampleContext context;
    private byte[] data = new byte[0];

    CheckSession(Proxy backend) {
        // a check has no client: its session's frontend is the checked backend
        this.context = new SampleContext(null, null, backend, new Vars()).checkVars(new Vars());
        context.backend(backend);
    }

    SampleContext context() {
        return context;
    }

    /** The bytes read on the current connection (the check's input buffer). */
    byte[] data() {
        return data;
    }

    CheckSession data(byte[] d) {
        this.data = d;
        return this;
    }
}
