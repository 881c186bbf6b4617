package org.jhaproxy.config.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jhaproxy.config.global.CheckRun;
import org.junit.jupiter.api.Test;

/** parse_logsrv() (log.c) through the global "log" keyword; texts from haproxy 2.6.12. */
class LogTargetParserTest {

    private static String first(String logArgs) {
        return CheckRun.of("global\n  log " + logArgs + "\n").first();
    }

    @Test
    void facilityAndLevels() {
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : unknown log facility 'profile'", first("127.0.0.1 profile"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : unknown optional log level 'foo'", first("127.0.0.1:514 local0 foo"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : unknown optional minimum log level 'foo'", first("127.0.0.1 local0 info foo"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : cannot handle unexpected argument 'extra'", first("/dev/log local0 info info extra"));
    }

    @Test
    void argumentsAndGlobal() {
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : expects <address> and <facility>  as arguments", first("127.0.0.1"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : 'global' is not supported for a global syslog server", first("global"));
    }

    @Test
    void lengthFormatSample() {
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : invalid log length '10', must be between 80 and 65535", first("/dev/log len 10 local0"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : unknown log format 'foo'", first("127.0.0.1 format foo local0"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : wrong sample range '0'", first("127.0.0.1 sample 0:2 local0"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : ranges are overlapping", first("127.0.0.1 sample 1-2,2:2 local0"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : wrong sample size '0' for sample range '1'", first("127.0.0.1 sample 1:0 local0"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : sample size 2 should be greater or equal to 5 the maximum of the high "
                + "ranges limits", first("127.0.0.1 sample 5:2 local0"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : Missing sample size", first("127.0.0.1 sample 1 local0"));
    }

    @Test
    void addresses() {
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : invalid address: 'rsyslog' in 'rsyslog'", first("rsyslog local0"));
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : log : port range not permitted here in '127.0.0.1:514-516'",
                first("127.0.0.1:514-516 local0"));
        assertEquals("", first("stdout format raw local0"));
        assertEquals("", first("ring@foo local0"));
    }
}
