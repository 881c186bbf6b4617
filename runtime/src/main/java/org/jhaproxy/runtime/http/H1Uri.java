package org.jhaproxy.runtime.http;

/**
 * Which byte of a request URI haproxy 2.6.12's H1 parser refuses (state H1_MSG_RQURI, with the
 * fix that refuses '#'). It first skips the URI four bytes at a time while a little-endian word
 * minus 0x24242424 borrows nowhere and the result minus 0x5b5b5b5b does somewhere, a fast test
 * meant for "every byte in 0x24..0x7e" that also lets a DEL or a non-ASCII byte through when the
 * other bytes of its word are ordinary ones; then it checks byte by byte: 33 to 126 but '#' are
 * taken, a space or tab ends the URI, a CR or LF makes an HTTP/0.9 request, anything else is
 * refused ("option accept-invalid-http-request" is not executed by jhaproxy). A word that reaches
 * past the URI holds the space or CR after it, which always stops the fast test.
 */
final class H1Uri {
    private H1Uri() {
    }

    /** The index in {@code b} of the byte refused in the URI starting at {@code from}, or -1. */
    static int refusedAt(byte[] b, int from, int to) {
        int i = refusedAt(new io.netty.util.AsciiString(b, from, to - from, false));
        return i < 0 ? -1 : from + i;
    }

    /** The index in {@code uri} (the URI, as Netty hands it on, or what follows in the buffer too) of the byte refused, or -1. */
    static int refusedAt(CharSequence uri) {
        int n = uri.length();
        int i = 0;
        while (i + 4 <= n) {
            int word = (uri.charAt(i) & 0xff) | (uri.charAt(i + 1) & 0xff) << 8 | (uri.charAt(i + 2) & 0xff) << 16
                    | (uri.charAt(i + 3) & 0xff) << 24;
            int x = word - 0x24242424;
            if ((x & 0x80808080) != 0) {
                break;
            }
            x -= 0x5b5b5b5b;
            if ((x & 0x80808080) == 0) {
                break;
            }
            i += 4;
        }
        for (; i < n; i++) {
            int c = uri.charAt(i) & 0xff;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                return -1;
            }
            if (c < 33 || c > 126 || c == '#') {
                return i;
            }
        }
        return -1;
    }
}
