package org.jhaproxy.config.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jhaproxy.config.global.CheckRun;
import org.junit.jupiter.api.Test;

/**
 * The bind options of the listeners outside proxies: peers "bind"/"default-bind" and
 * log-forward "bind"/"dgram-bind"; expected texts are haproxy 2.6.12's for the same file.
 */
class ListenerOptionsTest {
    private static final String GLOBAL = "global\n    localpeer localpeer\n";

    @Test
    void peersBindOptions() {
        assertEquals("[ALERT]    config : parsing [t.cfg:4] : 'bind :10000' in section 'peers': unknown keyword 'levle'; did you mean 'level' maybe ?",
                CheckRun.of(GLOBAL + "peers p\n    bind :10000 levle admin\n    server localpeer\n").first());
        assertEquals("[ALERT]    config : parsing [t.cfg:4] : 'default-bind bogus' in section 'peers': unknown keyword 'bogus'.",
                CheckRun.of(GLOBAL + "peers p\n    default-bind bogus\n").first());
    }

    @Test
    void logForwardBindOptions() {
        assertEquals("[ALERT]    config : parsing [t.cfg:4] : 'bind :5514' in section 'log-forward' : 'maxconn' : invalid value -1, must be >= 0",
                CheckRun.of(GLOBAL + "log-forward lf\n    bind :5514 maxconn -1\n    log global\n").first());
        assertEquals("[ALERT]    config : parsing [t.cfg:4] : 'nice' : invalid value 5000, allowed range is -1024..1024",
                CheckRun.of(GLOBAL + "log-forward lf\n    dgram-bind :5514 nice 5000\n    log global\n").first());
        CheckRun deprecated = CheckRun.of(GLOBAL + "log-forward lf\n    bind :5514 process 1/2\n    log global\n");
        assertEquals(1, deprecated.exitCode());
    }
}
