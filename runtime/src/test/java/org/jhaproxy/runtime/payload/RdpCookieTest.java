package org.jhaproxy.runtime.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** req.rdp_cookie's reading of an RDP connection request (configuration.txt 7.3.5), with its "may change" answers. */
class RdpCookieTest {
    /** The TPKT and X.224 headers the reader skips unchecked. */
    private static final String HEADERS = "\u0003\u0000\u0000\u002c\u0027\u00e0\u0000\u0000\u0000\u0000\u0000";

    private static RequestBuffer buffer(String s) {
        RequestBuffer r = new RequestBuffer(15360);
        r.append(Unpooled.wrappedBuffer(s.getBytes(StandardCharsets.ISO_8859_1)));
        return r;
    }

    @Test
    void theFirstCookieByNameWithoutCase() {
        RequestBuffer b = buffer(HEADERS + "cookie:  MSTSHash=alice\r\n\u0001\u0000");
        assertEquals("alice", RdpCookie.read(b, "mstshash").value());
        assertEquals("alice", RdpCookie.read(b, "").value());
        // another name is not looked for further: no value, for good
        assertNull(RdpCookie.read(b, "msts").value());
        assertFalse(RdpCookie.read(b, "msts").mayChange());
    }

    @Test
    void anUnfinishedLineMayChange() {
        String whole = HEADERS + "Cookie: mstshash=alice\r\n";
        for (int len = 0; len < whole.length(); len++) {
            Reading r = RdpCookie.read(buffer(whole.substring(0, len)), "mstshash");
            assertNull(r.value(), "length " + len);
            assertTrue(r.mayChange(), "length " + len);
        }
        assertEquals("alice", RdpCookie.read(buffer(whole), "mstshash").value());
    }

    @Test
    void notACookieLineIsFinal() {
        assertFalse(RdpCookie.read(buffer(HEADERS + "Cookie mstshash=alice\r\n"), "").mayChange());
        // a CR not followed by LF, and a line break before any '='
        assertFalse(RdpCookie.read(buffer(HEADERS + "Cookie: a=b\rx"), "").mayChange());
        assertNull(RdpCookie.read(buffer(HEADERS + "Cookie: ab\r\n=c\r\n"), "").value());
        // an empty value is a value for the fetch, none for the balancer and the persistence
        assertEquals("", RdpCookie.read(buffer(HEADERS + "Cookie: mstshash=\r\n"), "mstshash").value());
        assertNull(RdpCookie.value(buffer(HEADERS + "Cookie: mstshash=\r\n"), "mstshash"));
    }
}
