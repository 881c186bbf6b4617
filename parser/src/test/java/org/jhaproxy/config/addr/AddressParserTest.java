package org.jhaproxy.config.addr;

import static org.jhaproxy.config.addr.AddressParser.CONNECT;
import static org.jhaproxy.config.addr.AddressParser.DGRAM;
import static org.jhaproxy.config.addr.AddressParser.PORT_MAND;
import static org.jhaproxy.config.addr.AddressParser.PORT_OFS;
import static org.jhaproxy.config.addr.AddressParser.PORT_OK;
import static org.jhaproxy.config.addr.AddressParser.PORT_RANGE;
import static org.jhaproxy.config.addr.AddressParser.RESOLVE;
import static org.jhaproxy.config.addr.AddressParser.SOCKET_FD;
import static org.jhaproxy.config.addr.AddressParser.STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** str2sa_range() cases; expected texts are haproxy 2.6.12's for the same address. */
class AddressParserTest {
    // the options of "bind" (cfgparse-listen.c) and "server" (server.c _srv_parse_init)
    static final int BIND = RESOLVE | PORT_OK | PORT_MAND | PORT_RANGE | SOCKET_FD | STREAM | AddressParser.XPRT;
    static final int SERVER = PORT_OK | PORT_OFS | STREAM | AddressParser.XPRT | CONNECT;

    private final AddressParser parser = new AddressParser(
            new NameResolver(HostsFile.parse("127.0.0.1 localhost\n::1 ip6-localhost # v6\n10.0.0.5 db DB2\n")),
            Map.of("HOST", "10.1.2.3", "PORT", "8080")::get);

    private String err(String addr, int opts) {
        AddressParseResult r = parser.parse(addr, opts);
        assertFalse(r.ok(), addr);
        return r.errorLine();
    }

    private String serverErr(String addr) {
        AddressParseResult r = parser.parse(addr, SERVER, null, true);
        assertFalse(r.ok(), addr);
        return r.error();
    }

    @Test
    void bindErrors() {
        assertEquals("invalid address: 'foo.invalid' in 'foo.invalid:80'", err("foo.invalid:80", BIND));
        assertEquals("missing port specification in '1.2.3.4'", err("1.2.3.4", BIND));
        assertEquals("invalid port '99999'", err("1.2.3.4:99999", BIND));
        assertEquals("invalid port range '80-70'", err("localhost:80-70", BIND));
        assertEquals("file descriptor 'x' is not a valid integer in 'fd@x'", err("fd@x", BIND));
        assertEquals("port offset not permitted here in '1.2.3.4:+1'", err("1.2.3.4:+1", BIND));
        assertEquals("missing port specification in '[::1]'", err("[::1]", BIND));
        assertEquals("invalid address: 'localhost.' in 'localhost.:80'", err("localhost.:80", BIND));
        assertEquals("invalid address: 'localhost' in 'ipv6@localhost:80'", err("ipv6@localhost:80", BIND));
        assertEquals("invalid address: '1.2.3.4' in 'ipv6@1.2.3.4:80'", err("ipv6@1.2.3.4:80", BIND));
        assertEquals("invalid address: '::' in 'ipv4@:::80'", err("ipv4@:::80", BIND));
        assertEquals("dgram-type address not acceptable in 'udp@1.2.3.4:80'", err("udp@1.2.3.4:80", BIND));
        assertEquals("dgram-type address not acceptable in 'uxdg@/tmp/x'", err("uxdg@/tmp/x", BIND));
        assertEquals("unsupported stream protocol for datagram family 2 address 'quic4@1.2.3.4:80';"
                + " QUIC is not compiled in if this is what you were looking for.", err("quic4@1.2.3.4:80", BIND));
        assertEquals("cannot use file descriptor '3' : Socket operation on non-socket.", err("fd@3", BIND));
        assertEquals("'$NOPE' resolves to an empty address (environment variable missing?)", err("$NOPE", BIND));
    }

    @Test
    void serverErrorsKeepTheirNewline() {
        assertEquals("invalid character 'x' in port number 'x' in '1.2.3.4:x'\n", serverErr("1.2.3.4:x"));
        assertEquals("a file descriptor is not acceptable here in 'fd@3'\n", serverErr("fd@3"));
        assertEquals("port range not permitted here in '1.2.3.4:80-90'", serverErr("1.2.3.4:80-90"));
        assertEquals("invalid port '99999'", serverErr("1.2.3.4:99999"));
        assertEquals("dgram-type address not acceptable in 'udp@1.2.3.4:80'\n", serverErr("udp@1.2.3.4:80"));
    }

    @Test
    void bindAddresses() {
        SocketAddress a = parser.parse("*:80", BIND).address();
        assertEquals(AddressFamily.INET, a.family());
        assertEquals("0.0.0.0", a.host());
        assertEquals(80, a.port());
        a = parser.parse(":::443", BIND).address();
        assertEquals(AddressFamily.INET6, a.family());
        assertEquals("::", a.host());
        a = parser.parse("[2001:DB8::1]:8000-8010", BIND).address();
        assertEquals("2001:db8::1", a.host());
        assertEquals(8000, a.low());
        assertEquals(8010, a.high());
        assertTrue(a.isRange());
        a = parser.parse("LOCALHOST:80", BIND).address();
        assertEquals("127.0.0.1", a.host());
        a = parser.parse("db2:80", BIND).address();
        assertEquals("10.0.0.5", a.host());
        a = parser.parse("127.1:80", BIND).address();
        assertEquals("127.0.0.1", a.host());
        a = parser.parse("ip6-localhost:80", BIND).address();
        assertEquals(AddressFamily.INET6, a.family());
        assertEquals("::1", a.host());
        a = parser.parse("${HOST}:$PORT", BIND).address();
        assertEquals("10.1.2.3", a.host());
        assertEquals(8080, a.port());
        a = parser.parse("/var/run/x.sock", BIND).address();
        assertEquals(AddressFamily.UNIX, a.family());
        assertEquals("/var/run/x.sock", a.host());
        a = parser.parse("abns@foo", BIND).address();
        assertEquals(AddressFamily.ABNS, a.family());
    }

    @Test
    void serverKeepsNamesToResolveLater() {
        SocketAddress a = parser.parse("backend.example.com:8080", SERVER, null, true).address();
        assertEquals("backend.example.com", a.fqdn());
        assertNull(a.host());
        assertEquals(8080, a.port());
        a = parser.parse("10.0.0.1:+1000", SERVER, null, true).address();
        assertTrue(a.isOffset());
        assertEquals(1000, a.port());
        a = parser.parse("10.0.0.1", SERVER, null, true).address();
        assertTrue(a.noPort());
        assertNull(a.fqdn());
        a = parser.parse("ipv6@1.2.3.4:80", SERVER, null, true).address();
        assertEquals("1.2.3.4", a.fqdn());
    }

    @Test
    void optionsGatePorts() {
        assertEquals("port specification not permitted here in '1.2.3.4:80'", err("1.2.3.4:80", STREAM));
        assertEquals("invalid port '0'", err("1.2.3.4:0", BIND));
        assertTrue(parser.parse("1.2.3.4:0", SERVER, null, true).ok());
        assertEquals("connect() not supported for this protocol family 2 used by address 'udp@1.2.3.4:53'",
                err("udp@1.2.3.4:53", DGRAM | STREAM | PORT_OK | CONNECT));
        assertTrue(parser.parse("1.2.3.4:80", PORT_OK | PORT_OFS | PORT_MAND | PORT_RANGE | SOCKET_FD | DGRAM).ok());
    }

    @Test
    void literals() {
        assertEquals("::ffff:1.2.3.4", IpLiteral.format(IpLiteral.parseIpv6("::ffff:1.2.3.4")));
        assertEquals("fe80::1:0:0:2", IpLiteral.format(IpLiteral.parseIpv6("fe80:0:0:0:1:0:0:2")));
        assertEquals("1::", IpLiteral.format(IpLiteral.parseIpv6("1::")));
        assertNull(IpLiteral.parseIpv6("1:::2"));
        assertNull(IpLiteral.parseIpv6("1:2:3:4:5:6:7:8:9"));
        assertNull(IpLiteral.parseIpv6(":1::"));
        assertNull(IpLiteral.parseIpv4("1.2.3.04"));
        assertNull(IpLiteral.parseIpv4("1.2.3"));
        assertEquals("10.0.0.1", IpLiteral.format(IpLiteral.parseInetAton("0xa.1")));
        assertEquals("127.0.0.1", IpLiteral.format(IpLiteral.parseInetAton("2130706433")));
        assertNull(IpLiteral.parseInetAton("1.2.3.256"));
        assertTrue(NameResolver.isValidHostname("a-b_c.d"));
        assertFalse(NameResolver.isValidHostname("a b"));
        assertFalse(NameResolver.isValidHostname("x".repeat(64)));
    }
}
