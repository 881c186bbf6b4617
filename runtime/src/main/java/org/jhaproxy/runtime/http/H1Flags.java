package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpVersion;
import java.util.List;

/**
 * What HAProxy's H1 parser notes about a message it received (struct h1m flags): the version,
 * the Connection tokens ("keep-alive", "close", "upgrade"), the framing, and whether the
 * Transfer-Encoding header is one haproxy accepts (h1_parse_xfer_enc_header: "chunked" at most
 * once, and last in a request).
 */
record H1Flags(boolean ver11, boolean connKeepAlive, boolean connClose, boolean connUpgrade,
               boolean transferEncoding, boolean chunked, boolean contentLength, boolean badTransferEncoding) {

    static H1Flags of(HttpMessage m, boolean request) {
        boolean kal = false;
        boolean clo = false;
        boolean upg = false;
        for (String v : m.headers().getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : v.split(",")) {
                String t = token.trim();
                kal |= t.equalsIgnoreCase("keep-alive");
                clo |= t.equalsIgnoreCase("close");
                upg |= t.equalsIgnoreCase("upgrade");
            }
        }
        List<String> te = m.headers().getAll(HttpHeaderNames.TRANSFER_ENCODING);
        boolean chunked = false;
        boolean seenChunked = false;
        boolean bad = false;
        for (String v : te) {
            for (String token : v.split(",")) {
                String t = token.trim();
                if (t.isEmpty()) {
                    continue;
                }
                chunked = false;
                if (t.equalsIgnoreCase("chunked")) {
                    bad |= seenChunked;
                    seenChunked = true;
                    chunked = true;
                } else {
                    bad |= request && seenChunked;
                }
            }
        }
        // a request's transfer-encoding must end with chunked (RFC 7230 3.3.3)
        bad |= request && !te.isEmpty() && !chunked;
        return new H1Flags(isVer11(m.protocolVersion()), kal, clo, upg, !te.isEmpty(), chunked,
                m.headers().contains(HttpHeaderNames.CONTENT_LENGTH), bad);
    }

    static boolean isVer11(HttpVersion v) {
        return v.majorVersion() > 1 || (v.majorVersion() == 1 && v.minorVersion() >= 1);
    }
}
