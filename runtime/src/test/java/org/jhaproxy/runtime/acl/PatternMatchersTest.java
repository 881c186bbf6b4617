package org.jhaproxy.runtime.acl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jhaproxy.runtime.sample.Addresses;
import org.jhaproxy.runtime.sample.Sample;
import org.junit.jupiter.api.Test;

/** The match methods of configuration.txt section 7.1.3 (and 7.1.4 integers, 7.1.6 addresses). */
class PatternMatchersTest {
    private static Sample s(String v) {
        return Sample.str(v);
    }

    @Test
    void strIsExactAndMinusIFoldsCase() {
        assertTrue(StringPatterns.str(List.of("GET", "HEAD"), false).matches(s("HEAD")));
        assertFalse(StringPatterns.str(List.of("GET"), false).matches(s("get")));
        assertTrue(StringPatterns.str(List.of("GET"), true).matches(s("get")));
    }

    @Test
    void begEndSub() {
        assertTrue(StringPatterns.beg(List.of("/api/"), false).matches(s("/api/v1")));
        assertFalse(StringPatterns.beg(List.of("/api/"), false).matches(s("/api")));
        assertTrue(StringPatterns.end(List.of(".ORG"), true).matches(s("www.haproxy.org")));
        assertTrue(StringPatterns.sub(List.of("droid"), false).matches(s("Linux; Android")));
        assertFalse(StringPatterns.sub(List.of("droid"), false).matches(s("Linux")));
    }

    @Test
    void dirMatchesWholeSlashDelimitedComponents() {
        PatternMatcher m = StringPatterns.dir(List.of("/img/"), false);
        assertTrue(m.matches(s("/static/img/logo.png")));
        assertFalse(m.matches(s("/static/images/logo.png")));
    }

    @Test
    void domMatchesWholeLabels() {
        PatternMatcher m = StringPatterns.dom(List.of("example.com"), false);
        assertTrue(m.matches(s("www.example.com")));
        assertTrue(m.matches(s("example.com:8080")));
        assertFalse(m.matches(s("myexample.com")));
    }

    @Test
    void regIsAnUnanchoredSearch() {
        assertTrue(StringPatterns.reg(List.of("\\.(css|js)$"), false).matches(s("/a/b.css")));
        assertTrue(StringPatterns.reg(List.of("^/ADMIN"), true).matches(s("/admin/x")));
        assertFalse(StringPatterns.reg(List.of("^/admin"), false).matches(s("/x/admin")));
    }

    @Test
    void integerValuesAndRanges() {
        // "ge 100" reaches the runtime as the range "100:" (the parser writes operators as ranges)
        PatternMatcher m = NumberPatterns.integer(List.of("5", "10:20", "100:", ":-1"));
        assertTrue(m.matches(Sample.sint(5)));
        assertTrue(m.matches(Sample.sint(15)));
        assertTrue(m.matches(Sample.sint(1000)));
        assertTrue(m.matches(Sample.sint(-7)));
        assertFalse(m.matches(Sample.sint(6)));
        assertFalse(m.matches(s("abc")));
    }

    @Test
    void lenComparesTheStringLength() {
        assertTrue(NumberPatterns.length(List.of("1:3")).matches(s("/ab")));
        assertFalse(NumberPatterns.length(List.of("1:3")).matches(s("/abc")));
    }

    @Test
    void ipNetworksAndMappedAddresses() throws Exception {
        PatternMatcher m = IpPatterns.of(List.of("10.0.0.0/8", "192.168.1.1", "172.16.0.0/255.240.0.0"));
        assertTrue(m.matches(Sample.addr(Addresses.parse("10.2.3.4"))));
        assertTrue(m.matches(Sample.addr(Addresses.parse("192.168.1.1"))));
        assertTrue(m.matches(Sample.addr(Addresses.parse("172.31.255.1"))));
        assertFalse(m.matches(Sample.addr(Addresses.parse("11.0.0.1"))));
        // a string sample is cast to an address
        assertTrue(m.matches(s("10.9.9.9")));
        assertTrue(m.matches(Sample.addr(Addresses.parse("::ffff:10.1.1.1"))));
    }
}
