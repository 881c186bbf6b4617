package org.jhaproxy.config.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proxy section headers and defaults inheritance (cfg_parse_listen()); texts taken from haproxy 2.6.12. */
class ProxySectionTest {
    @TempDir
    Path dir;

    @Test
    void invalidCharacterInName() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "backend b@d\n");
        assertEquals("parsing [t.cfg:1] : character '@' is not permitted in 'backend' name 'b@d'.", r.first());
        assertEquals(1, r.exitCode);
    }

    @Test
    void duplicateBackend() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "backend be\nbackend be\n");
        assertEquals("Parsing [t.cfg:2]: backend 'be' has the same name as backend 'be' declared at t.cfg:1.", r.first());
    }

    @Test
    void frontendAndBackendMayShareAName() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "frontend x\n  timeout client 1s\nbackend x\n");
        assertTrue(r.texts().stream().noneMatch(t -> t.contains("same name")), r.texts().toString());
    }

    @Test
    void addressOnHeaderIsRefusedAndTheSectionLinesToo() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "listen l 127.0.0.1:80\n  mode http\n");
        assertEquals("parsing [t.cfg:1] : please use the 'bind' keyword for listening addresses.", r.texts().get(0));
        assertEquals("parsing [t.cfg:2] : 'listen' or 'defaults' expected.", r.texts().get(1));
    }

    @Test
    void missingName() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "frontend\n");
        assertEquals("parsing [t.cfg:1] : 'frontend' expects an <id> argument", r.first());
    }

    @Test
    void unknownDefaultsReference() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "backend be from nope\n");
        assertEquals("parsing [t.cfg:1] : defaults section 'nope' not found for backend 'be'.", r.first());
    }

    @Test
    void timeoutsAreInheritedFromDefaults() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "defaults\n  timeout client 5s\nfrontend fe\n");
        assertTrue(r.texts().stream().noneMatch(t -> t.startsWith("missing timeouts")), r.texts().toString());
    }

    @Test
    void namedDefaultsFrom() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "defaults d1\n  timeout client 5s\ndefaults\nfrontend fe from d1\n");
        assertTrue(r.texts().stream().noneMatch(t -> t.startsWith("missing timeouts")), r.texts().toString());
    }

    @Test
    void missingTimeoutsWarning() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "frontend fe\n");
        assertTrue(r.has("missing timeouts for frontend 'fe'.\n"
                + "   | While not properly invalid, you will certainly encounter various problems\n"
                + "   | with such a configuration. To fix this, please ensure that all following\n"
                + "   | timeouts are set to a non-zero value: 'client', 'connect', 'server'."), r.texts().toString());
    }

    @Test
    void unknownDefaultBackend() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "frontend fe\n  timeout client 1s\n  default_backend nope\n");
        assertTrue(r.has("Proxy 'fe': unable to find required default_backend: 'nope'."), r.texts().toString());
        assertEquals(1, r.exitCode);
    }

    @Test
    void modeMismatchWithDefaultBackend() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "frontend fe\n  mode http\n  timeout client 1s\n  default_backend be\nbackend be\n");
        assertTrue(r.has("http frontend 'fe' (t.cfg:1) tries to use incompatible tcp backend 'be' (t.cfg:5) as its default backend (see 'mode')."),
                r.texts().toString());
    }

    @Test
    void unknownKeywordSuggestion() throws Exception {
        ProxyConfigRun r = ProxyConfigRun.of(dir, "backend be\n  timout connect 1s\n");
        assertEquals("parsing [t.cfg:2] : unknown keyword 'timout' in 'backend' section; did you mean 'timeout' maybe ?", r.first());
    }
}
