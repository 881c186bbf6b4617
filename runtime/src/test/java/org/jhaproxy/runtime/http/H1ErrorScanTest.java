package org.jhaproxy.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Where haproxy 2.6.12's H1 parser stops in invalid messages, measured with "show errors" (the
 * error position, "H1 msg state" and "H1 msg flags" lines, and the chunk and body lengths);
 * ShowErrorsIT compares the whole dumps with haproxy's where it is installed.
 */
class H1ErrorScanTest {
    /** "position state(n) flags clen" of the scan of {@code message}. */
    private static String scan(String message, boolean response, boolean hostRefused) {
        byte[] b = message.getBytes(StandardCharsets.ISO_8859_1);
        H1ErrorScan.Result r = H1ErrorScan.scan(b, b.length, response, hostRefused, 0, 0);
        return String.format("%d %s(%d) 0x%08x %d", r.errPos(), r.h1().msgStateName(), r.h1().msgState(),
                r.h1().msgFlags(), r.h1().chunkLen());
    }

    private static String request(String message) {
        return scan(message, false, false);
    }

    @Test
    void requestLineErrorsStopAtTheRefusedByte() {
        assertEquals("3 MSG_RQMETH(2) 0x00001400 0", request("GET/ HTTP/1.1 extra\r\nHost: x\r\n\r\n"));
        assertEquals("13 MSG_RQVER(6) 0x00001400 0", request("GET / HTTP/1.x\r\nHost: x\r\n\r\n"));
        // HTTP/0.9: refused after the head, at its missing version
        assertEquals("5 MSG_DATA(27) 0x00001400 0", request("GET /\r\n\r\n"));
    }

    @Test
    void headerErrorsStopAtTheRefusedByteOrValue() {
        assertEquals("28 MSG_HDR_NAME(17) 0x00001410 0", request("GET / HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n"));
        assertEquals("34 MSG_HDR_NAME(17) 0x00001410 0", request("GET / HTTP/1.1\r\nHost: x\r\nBadHeader\r\n\r\n"));
        assertEquals("19 MSG_HDR_NAME(17) 0x00001400 0", request("GET / HTTP/1.0\r\nBad Name: v\r\n\r\n"));
        assertEquals("52 MSG_HDR_NAME(17) 0x00001450 0",
                request("GET / HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nBad Name: v\r\n\r\n"));
        assertEquals("32 MSG_HDR_L2_LF(23) 0x00001410 0", request("GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n"));
        assertEquals("61 MSG_HDR_L2_LWS(24) 0x00001411 3",
                request("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd"));
        assertEquals("42 MSG_HDR_L2_LWS(24) 0x00001410 0",
                request("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n"));
        assertEquals("45 MSG_HDR_L2_LWS(24) 0x00011610 0",
                request("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n"));
        assertEquals("32 MSG_HDR_L2_LWS(24) 0x00001410 0", request("GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"));
        assertEquals("50 MSG_LAST_LF(25) 0x00001410 0",
                scan("GET http://www.example.com:8080/x HTTP/1.1\r\nHost: www.example.com\r\n\r\n", false, true));
    }

    @Test
    void headsRefusedAfterTheParserStopAtTheirEnd() {
        assertEquals("53 MSG_DATA(27) 0x00021610 0",
                request("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\nabc"));
        assertEquals("70 MSG_DONE(30) 0x00009590 0",
                request("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n"));
        assertEquals("77 MSG_DONE(30) 0x00009594 0",
                scan("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n", true, false));
    }

    @Test
    void anIncompleteHeadStopsAtTheEndOfTheData() {
        assertEquals("36 MSG_HDR_VAL(22) 0x00001410 0", request("GET / HTTP/1.1\r\nHost: x\r\nX-Big: aaaa"));
    }

    @Test
    void responses() {
        assertEquals("0 MSG_RPVER(10) 0x00001404 0", scan("garbage that is no status line\r\n\r\n", true, false));
        assertEquals("7 MSG_RPVER(10) 0x00001404 0", scan("HTTP/1.x 200 OK\r\n\r\n", true, false));
        assertEquals("10 MSG_RPCODE(12) 0x00001414 0", scan("HTTP/1.1 2x0 OK\r\n\r\n", true, false));
        assertEquals("20 MSG_HDR_NAME(17) 0x00001414 0",
                scan("HTTP/1.1 200 OK\r\nBad Header: 1\r\nContent-Length: 2\r\n\r\nok", true, false));
        assertEquals("52 MSG_HDR_L2_LWS(24) 0x00001415 2",
                scan("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok", true, false));
    }

    @Test
    void aFoldedLineIsBlankedInTheBuffer() {
        byte[] b = "GET / HTTP/1.1\r\nX-F: a\r\n b\r\nBad Name: v\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        H1ErrorScan.Result r = H1ErrorScan.scan(b, b.length, false, false, 0, 0);
        assertEquals(31, r.errPos());
        assertEquals("GET / HTTP/1.1\r\nX-F: a   b\r\nBad Name: v\r\n\r\n", new String(b, StandardCharsets.ISO_8859_1));
    }

    @Test
    void aRefusedChunkSizeStopsAtItsFirstWrongByte() {
        byte[] b = "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc"
                .getBytes(StandardCharsets.ISO_8859_1);
        H1ErrorScan.Result r = H1ErrorScan.scanBody(b, 56, true, 0, 0, 0, 0);
        assertEquals("56 MSG_CHUNK_SIZE 0x00011712", r.errPos() + " " + r.h1().msgStateName() + " "
                + String.format("0x%08x", r.h1().msgFlags()));
        byte[] later = "3 ;ext\r\nabc\r\n1x\r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(14, H1ErrorScan.scanBody(later, 13, false, 0x11622, 3, 0, 0).errPos());
        assertEquals(0x11722, H1ErrorScan.scanBody(later, 13, false, 0x11622, 3, 0, 0).h1().msgFlags());
    }
}
