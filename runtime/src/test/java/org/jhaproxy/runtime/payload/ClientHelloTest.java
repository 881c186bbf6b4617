package org.jhaproxy.runtime.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.util.HexFormat;
import java.util.List;
import org.jhaproxy.config.acl.DottedVersions;
import org.junit.jupiter.api.Test;

/** The ClientHello readings of configuration.txt 7.3.5, with payload.c's "may change" answers. */
class ClientHelloTest {
    private static RequestBuffer buffer(byte[] b, int len) {
        RequestBuffer r = new RequestBuffer(15360);
        r.append(Unpooled.wrappedBuffer(b, 0, len));
        return r;
    }

    @Test
    void aWholeHelloGivesItsValues() {
        byte[] h = hello();
        RequestBuffer b = buffer(h, h.length);
        assertEquals(1L, ClientHello.helloType(b).value());
        assertEquals(0x030003L, ClientHello.version(b).value());
        assertEquals("a.example", ClientHello.serverName(b).value());
        assertEquals(List.of("h2", "http/1.1"), ClientHello.alpn(b).value());
        assertEquals(2L, ClientHello.sessionTicket(b).value());
        // no supported_groups extension: no value, for good
        assertNull(ClientHello.ellipticCurves(b).value());
        assertFalse(ClientHello.ellipticCurves(b).mayChange());
    }

    @Test
    void aPartialHelloMayChange() {
        byte[] h = hello();
        for (int len : new int[] {0, 1, 4, 8, 40, h.length - 10}) {
            RequestBuffer b = buffer(h, len);
            assertTrue(ClientHello.helloType(b).mayChange(), "hello_type at " + len);
            assertTrue(ClientHello.serverName(b).mayChange(), "sni at " + len);
        }
    }

    @Test
    void otherBytesAreNoHelloForGood() {
        byte[] get = "GET / HTTP/1.0\r\n".getBytes();
        RequestBuffer b = buffer(get, get.length);
        assertNull(ClientHello.helloType(b).value());
        assertFalse(ClientHello.helloType(b).mayChange());
        assertFalse(ClientHello.serverName(b).mayChange());
    }

    @Test
    void anSslV2HelloGivesItsVersion() {
        byte[] v2 = HexFormat.of().parseHex("801c01000200030000001001008000" + "0102030405060708090a0b0c0d0e0f");
        assertEquals(2L, ClientHello.version(buffer(v2, v2.length)).value());
        assertTrue(ClientHello.version(buffer(v2, 20)).mayChange());
    }

    @Test
    void dottedVersionPatterns() throws Exception {
        assertEquals(0x030001L, DottedVersions.value("3.1"));
        assertEquals(0x030000L, DottedVersions.value("3"));
        assertNull(DottedVersions.value("65536.0"));
        long[] r = DottedVersions.range("3.0-3.1");
        assertEquals(0x030000L, r[0]);
        assertEquals(0x030001L, r[1]);
        assertEquals(Long.MAX_VALUE, DottedVersions.range("3.2:")[1]);
        assertEquals(0x02ffffL, DottedVersions.range(":2.65535")[1]);
        assertThrows(org.jhaproxy.config.sample.ExprError.class, () -> DottedVersions.range("3.1-3.0"));
    }

    /** The hello the cases send, built here so each length field is right. */
    private static byte[] hello() {
        String sni = "0000000e000c0000096" + "12e6578616d706c65";
        String alpn = "0010000e000c02683208687474702f312e31";
        String ticket = "002300026162";
        String ext = sni + alpn + ticket;
        String body = "0303" + "00".repeat(32) + "00" + "0002c02f" + "0100" + String.format("%04x", ext.length() / 2) + ext;
        String hs = "01" + String.format("%06x", body.length() / 2) + body;
        return HexFormat.of().parseHex("160301" + String.format("%04x", hs.length() / 2) + hs);
    }
}
