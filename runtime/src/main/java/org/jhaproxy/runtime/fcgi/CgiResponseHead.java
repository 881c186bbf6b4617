package org.jhaproxy.runtime.fcgi;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * The head of a CGI response (RFC 3875 section 6.2) read from STDOUT: header lines up to an
 * empty one, no status line. The status comes from the "Status" header, a "Location" header
 * alone meaning 302 "Moved Temporarily", else 200 "OK" (h1_postparse_res_hdrs() for FCGI).
 */
record CgiResponseHead(int code, String reason, HttpHeaders headers) {
    /** Not a valid head: the response is refused with a 502. */
    static final CgiResponseHead INVALID = new CgiResponseHead(502, "", new DefaultHttpHeaders());

    /**
     * Reads the head at the start of {@code in} when its empty line is there, consuming it;
     * null when more is needed.
     */
    static CgiResponseHead read(ByteBuf in) {
        int start = in.readerIndex();
        int end = in.writerIndex();
        int lineStart = start;
        HttpHeaders headers = new DefaultHttpHeaders(false);
        int code = 0;
        String reason = "";
        for (int i = start; i < end; i++) {
            if (in.getByte(i) != '\n') {
                continue;
            }
            int lineEnd = i > lineStart && in.getByte(i - 1) == '\r' ? i - 1 : i;
            if (lineEnd == lineStart) {
                in.readerIndex(i + 1);
                if (code == 0) {
                    code = 200;
                    reason = "OK";
                }
                return new CgiResponseHead(code, reason, headers);
            }
            String line = in.toString(lineStart, lineEnd - lineStart, StandardCharsets.ISO_8859_1);
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(colon - 1) == ' ' || line.charAt(colon - 1) == '\t') {
                in.readerIndex(end);
                return INVALID;
            }
            String name = line.substring(0, colon);
            String value = line.substring(colon + 1).strip();
            if (name.equalsIgnoreCase("status")) {
                int sp = 0;
                while (sp < value.length() && value.charAt(sp) > ' ') {
                    sp++;
                }
                code = leadingNumber(value.substring(0, sp));
                reason = value.substring(sp).strip();
            } else if (name.equalsIgnoreCase("location")) {
                code = 302;
                reason = "Moved Temporarily";
            }
            headers.add(name, value);
            lineStart = i + 1;
        }
        return null;
    }

    private static int leadingNumber(String s) {
        int v = 0;
        for (int i = 0; i < s.length() && Character.isDigit(s.charAt(i)) && v < 100000; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
