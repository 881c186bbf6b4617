package org.jhaproxy.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Request URIs sent to haproxy 2.6.12 (deb12u4) and what its H1 parser did with them. */
class H1UriTest {
    @Test
    void theBytesHaproxyTakesOrRefuses() {
        // taken: 200
        assertEquals(-1, H1Uri.refusedAt("/a?b=c&d=~"));
        assertEquals(-1, H1Uri.refusedAt("/a\u007fb"));  // DEL inside a word of ordinary bytes
        assertEquals(-1, H1Uri.refusedAt("/\u0090ab"));  // so is a non-ASCII byte below 0xa4
        assertEquals(-1, H1Uri.refusedAt("/ab\u0090"));
        // refused: 400, at this byte
        assertEquals(2, H1Uri.refusedAt("/a#b"));
        assertEquals(3, H1Uri.refusedAt("abc#"));
        assertEquals(4, H1Uri.refusedAt("/caf\u00e9"));
        assertEquals(4, H1Uri.refusedAt("/abc\u0090"));  // the last byte is checked alone
        assertEquals(4, H1Uri.refusedAt("/abc\u007f"));
        assertEquals(5, H1Uri.refusedAt("/abcd\u007f"));
        assertEquals(2, H1Uri.refusedAt("/a\u0001b"));
    }

    @Test
    void inABufferTheUriEndsAtItsSpace() {
        byte[] line = "GET /a\u007fb HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(-1, H1Uri.refusedAt(line, 4, line.length));
        byte[] hash = "GET /x#y HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(6, H1Uri.refusedAt(hash, 4, hash.length));
    }
}
