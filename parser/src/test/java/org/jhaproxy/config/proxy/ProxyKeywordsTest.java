package org.jhaproxy.config.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proxy keywords; every expected text was produced by haproxy 2.6.12 with the same line. */
class ProxyKeywordsTest {
    @TempDir
    Path dir;

    private String first(String body) throws Exception {
        return ProxyConfigRun.of(dir, body).first();
    }

    @Test
    void badTimeoutUnit() throws Exception {
        assertEquals("parsing [t.cfg:2] : unexpected character 'x' in 'timeout client'", first("defaults\n  timeout client 10x\n"));
    }

    @Test
    void removedTimeoutDirective() throws Exception {
        assertEquals("parsing [t.cfg:2] : the 'contimeout' directive is not supported anymore since HAProxy 2.1. Use 'timeout connect'.",
                first("defaults\n  contimeout 5000\n"));
    }

    @Test
    void timerSuffixWarning() throws Exception {
        assertEquals("unexpected character 'i' after the timer value '15min', only (us=microseconds,ms=milliseconds,s=seconds,"
                + "m=minutes,h=hours,d=days) are supported. This will be reported as an error in next versions.",
                first("defaults\n  timeout client 15min\n"));
    }

    @Test
    void unknownMode() throws Exception {
        assertEquals("parsing [t.cfg:2] : unknown proxy mode 'udp'.", first("defaults\n  mode udp\n"));
    }

    @Test
    void removedOption() throws Exception {
        assertEquals("parsing [t.cfg:2]: option 'forceclose' is not supported any more since HAProxy 2.0, please just remove it, "
                + "or use 'option httpclose' if absolutely needed.", first("defaults\n  option forceclose\n"));
    }

    @Test
    void unknownOptionSuggestion() throws Exception {
        assertEquals("parsing [t.cfg:2] : unknown option 'http-use-htx'; did you mean 'httpclose' maybe ?",
                first("defaults\n  option http-use-htx\n"));
    }

    @Test
    void negatedOptionNotNegatable() throws Exception {
        assertEquals("parsing [t.cfg:2]: negation/default is not supported for option 'httplog'.", first("defaults\n  no option httplog\n"));
    }

    @Test
    void removedRequestDirective() throws Exception {
        assertEquals("parsing [t.cfg:2] : The 'reqrep' directive is not supported anymore since HAProxy 2.1. Use 'http-request replace-path', "
                + "'http-request replace-uri' or 'http-request replace-header' instead.", first("backend b\n  reqrep ^a b\n"));
    }

    @Test
    void httplogOverridesTcplogInDefaults() throws Exception {
        assertEquals("parsing [t.cfg:3]: 'option httplog' overrides previous 'option tcplog' in 'defaults' section.",
                first("defaults\n  option tcplog\n  option httplog\n"));
    }

    @Test
    void httplogIgnoredInBackend() throws Exception {
        assertEquals("parsing [t.cfg:2] : backend 'b' : 'option httplog' directive is ignored in backends.", first("backend b\n  option httplog\n"));
    }

    @Test
    void errorfileMissing() throws Exception {
        assertEquals("parsing [t.cfg:2] : errorfile : error opening file '/nonexistent/503.http'.",
                first("defaults\n  errorfile 503 /nonexistent/503.http\n"));
    }

    @Test
    void balanceUnknown() throws Exception {
        assertEquals("parsing [t.cfg:2] : balance only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', "
                + "'hdr(name)' and 'rdp-cookie(name)' options.", first("backend b\n  balance foo\n"));
    }

    @Test
    void capabilityWarning() throws Exception {
        assertEquals("parsing [t.cfg:2] : 'fullconn' ignored because frontend 'f' has no backend capability. Maybe you want 'maxconn' instead ?",
                first("frontend f\n  fullconn 10\n"));
    }

    @Test
    void forwardforInTcpBackend() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "backend waf\n  option forwardfor\n");
        assertTrue(r.has("'option forwardfor' ignored for backend 'waf' as it requires HTTP mode."), r.texts().toString());
        assertEquals(2, r.exitCode);
    }

    @Test
    void statsInTcpListen() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "listen l\n  timeout client 1s\n  stats enable\n");
        assertTrue(r.has("'stats' statement ignored for proxy 'l' as it requires HTTP mode."), r.texts().toString());
    }

    @Test
    void logFormatWithoutLogTarget() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "frontend f\n  mode http\n  timeout client 1s\n  option httplog\n");
        assertTrue(r.has("log format ignored for frontend 'f' since it has no log address."), r.texts().toString());
    }

    @Test
    void httplogInTcpFrontend() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "frontend f\n  timeout client 1s\n  option httplog\n");
        assertEquals("parsing [t.cfg:3] : 'option httplog' not usable with frontend 'f' (needs 'mode http'). Falling back to 'option tcplog'.",
                r.first());
    }
}
