package org.jhaproxy.config.section;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jhaproxy.config.global.CheckRun;
import org.junit.jupiter.api.Test;

/** The section kinds other than global and proxies; texts and exit codes from haproxy 2.6.12. */
class SectionsTest {

    @Test
    void peersWithoutLocalPeerAreRemovedNewestFirst() {
        CheckRun r = CheckRun.of("global\n\npeers p1\n  peer other-h1 127.0.0.1:1000\npeers p3\n  bind :1002\n  server x 127.0.0.1:1003\n");
        String host = LocalPeer.hostname();
        assertEquals(List.of("[WARNING]  config : Removing incomplete section 'peers p3' (no peer named '" + host + "').",
                "[WARNING]  config : Removing incomplete section 'peers p1' (no peer named '" + host + "')."), r.lines());
        assertEquals(2, r.exitCode());
    }

    @Test
    void aPeersSectionWithTheLocalPeerIsAListener() {
        CheckRun r = CheckRun.of("peers p2\n  peer " + LocalPeer.hostname() + " 127.0.0.1:1001\n");
        assertEquals(List.of(), r.lines());
        assertEquals(0, r.exitCode());
    }

    @Test
    void peersErrors() {
        CheckRun r = CheckRun.of("peers p1\n  peer b foo:1000\n  foo\npeers p1\npeers\n");
        assertEquals(List.of("[ALERT]    config : [t.cfg:2] : 'server (null)/b' : invalid address: 'foo' in 'foo:1000'", "",
                "[ALERT]    config : parsing [t.cfg:3] : unknown keyword 'foo' in 'peers' section",
                "[ALERT]    config : Parsing [t.cfg:4]: peers section 'p1' has the same name as another peers section declared at t.cfg:1.",
                "[ALERT]    config : parsing [t.cfg:5] : missing name for peers section.",
                "[ALERT]    config : Error(s) found in configuration file : t.cfg"), r.lines());
    }

    @Test
    void ringSizeAndMaxlen() {
        CheckRun r = CheckRun.of("ring r1\n  size 100000\n  maxlen 200000\n  format foo\nring r1\nring r2\n  size 1M\n");
        assertEquals(List.of("[ALERT]    config : parsing [t.cfg:4] : unknown format 'foo'.",
                "[WARNING]  config : ring 'r1' event max length '200000' exceeds size, forced to size '100000'.",
                "[ALERT]    config : parsing [t.cfg:5] : sink named 'r1' already exists.",
                "[WARNING]  config : parsing [t.cfg:7] : ignoring new size '1' that is smaller than current size '16384' for ring 'r2'.",
                "[ALERT]    config : Error(s) found in configuration file : t.cfg",
                "[ALERT]    config : Fatal errors found in configuration."), r.lines());
    }

    @Test
    void cacheNeedsASize() {
        CheckRun r = CheckRun.of("cache c1\n  max-age 10\nfrontend f\n");
        assertEquals("[ALERT]    config : Size not specified for cache 'c1'", r.first());
    }

    @Test
    void userlistReferences() {
        CheckRun r = CheckRun.of("userlist u\n  user bob insecure-password x groups admins\n");
        assertEquals("[ALERT]    config : userlist 'u': no such group 'admins' specified in user 'bob'", r.first());
        assertEquals("[ALERT]    config : parsing [t.cfg:2]: 'user' only supports 'password', 'insecure-password' and 'groups' options.",
                CheckRun.of("userlist u\n  user bob foo bar\n").first());
    }

    @Test
    void resolvers() {
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : 'nameserver' expects <name> and <addr>[:<port>] as arguments.",
                CheckRun.of("resolvers dns\n  nameserver a\n").first());
        assertEquals("[ALERT]    config : parsing [t.cfg:2] : 'timeout' expects 'retry' or 'resolve' and <time> as arguments got 'foo'.",
                CheckRun.of("resolvers dns\n  timeout foo 1s\n").first());
        assertEquals("[ALERT]    config : parsing [t.cfg:2]: unexpected character 'x' in argument to <hold>.",
                CheckRun.of("resolvers dns\n  hold valid 1x\n").first());
    }

    @Test
    void programNeedsMasterWorker() {
        CheckRun r = CheckRun.of("program p\n  command /bin/true\n");
        assertEquals("[ALERT]    config : Can't use a 'program' section without master worker mode.", r.first());
    }
}
