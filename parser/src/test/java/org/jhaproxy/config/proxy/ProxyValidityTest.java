package org.jhaproxy.config.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check_config_validity() and post proxy checks for proxies; texts from haproxy 2.6.12. */
class ProxyValidityTest {
    @TempDir
    Path dir;

    @Test
    void captureLengthTruncated() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "listen l\n  mode http\n  timeout client 1s\n  capture cookie a len 5000\n");
        assertTrue(r.has("truncating capture length to 63 bytes for proxy 'l'."), r.texts().toString());
    }

    @Test
    void unknownHttpErrorsSection() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "backend b\n  errorfiles nope\n");
        assertTrue(r.has("proxy 'b': unknown http-errors section 'nope' (at t.cfg:2)."), r.texts().toString());
        assertEquals(1, r.exitCode);
    }

    @Test
    void sendStateWithoutHttpchkInFrontend() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "defaults d\n  option httpchk\n  http-check send-state\n  timeout client 1s\nfrontend f\n");
        assertTrue(r.has("'send-state' will be ignored for frontend 'f' (requires 'option httpchk')."), r.texts().toString());
    }

    @Test
    void tcpCheckRulesWithoutOption() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "backend b\n  tcp-check connect\n");
        assertTrue(r.has("backend 'b' uses tcp-check rules without 'option tcp-check', so the rules are ignored."), r.texts().toString());
    }

    @Test
    void externalCheckNeedsGlobalSettings() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "backend up\n  option external-check\n  external-check command /bin/true\n");
        assertTrue(r.has("Proxy 'up' : 'option external-check' unable to find required 'global.external-check'."), r.texts().toString());
        assertTrue(r.has("Proxy 'up' : 'insecure-fork-wanted' not enabled in the global section, 'option external-check' will likely fail."),
                r.texts().toString());
    }

    @Test
    void httpchkVersionWithHeadersIsDeprecated() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "backend b\n  option httpchk GET / \"HTTP/1.1\\r\\nHost: x\"\n");
        assertEquals("parsing [t.cfg:2]: 'option httpchk' : hiding headers or body at the end of the version string is deprecated."
                + " Please, consider to use 'http-check send' directive instead.", r.first());
    }

    @Test
    void disabledProxyIsNotChecked() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "frontend f\n  disabled\n  default_backend nope\n");
        assertTrue(r.texts().stream().noneMatch(t -> t.contains("default_backend")), r.texts().toString());
    }

    @Test
    void duplicateServerNames() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "backend b\n  server a 127.0.0.1:1\n  server a 127.0.0.1:2\n  server a 127.0.0.1:3 id 5\n");
        assertTrue(r.has("parsing [t.cfg:3] : backend 'b', another server named 'a' was already defined at line 2, please use distinct names."),
                r.texts().toString());
        assertEquals(1, r.exitCode);
    }

    @Test
    void logFormatCompiledAfterParsing() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "frontend f\n  mode http\n  timeout client 1s\n  log-format \"%ci %[bogus()]\"\n");
        assertTrue(r.has("Parsing [t.cfg:4]: failed to parse log-format : failed to parse sample expression <bogus()]> : unknown fetch method 'bogus'."),
                r.texts().toString());
        assertEquals(1, r.exitCode);
    }

    @Test
    void dynamicUseBackendCompiled() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "frontend f\n  mode http\n  timeout client 1s\n  use_backend %[nope()]\n");
        assertTrue(r.has("Parsing [t.cfg:4]: failed to parse use_backend rule '%[nope()]' : failed to parse sample expression <nope()]> : unknown fetch method 'nope'."),
                r.texts().toString());
    }

    @Test
    void defaultBackendOfABackendIsChecked() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "backend p\n  default_backend x\n");
        assertTrue(r.has("Proxy 'p': unable to find required default_backend: 'x'."), r.texts().toString());
    }

    @Test
    void statsAdminCondition() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "frontend f\n  mode http\n  stats admin if { nope }\n");
        assertEquals("parsing [t.cfg:3] : error detected while parsing a 'stats admin' rule : unknown fetch method 'nope' in ACL expression 'nope'.",
                r.first());
    }
}
