package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.Iterator;
import java.util.Map;

/**
 * What HAProxy's H1 parser notes about a message it received (struct h1m flags): the version,
 * the Connection tokens ("keep-alive", "close", "upgrade"), the framing, and whether the
 * Transfer-Encoding header is one haproxy accepts (h1_parse_xfer_enc_header: "chunked" at most
 * once, and last in a request), and whether a WebSocket handshake carries its key
 * (h1_search_websocket_key(): a request with "Connection: upgrade" and "Upgrade: websocket" needs
 * a 24-character Sec-WebSocket-Key, such a response a Sec-WebSocket-Accept, else the message is
 * a parsing error). A request with "Connection: upgrade" and a body cannot upgrade: the parser
 * drops its Upgrade headers.
 */
record H1Flags(boolean ver11, boolean connKeepAlive, boolean connClose, boolean connUpgrade,
               boolean transferEncoding, boolean chunked, boolean contentLength, boolean badTransferEncoding,
               boolean badHost, boolean badWebSocket, boolean upgradeDropped, boolean badUri) {

    /** A request head the H1 mux refuses though Netty's decoder took it: a 400. */
    boolean refused() {
        return badTransferEncoding || badHost || badWebSocket || badUri;
    }

    static H1Flags of(HttpMessage m, boolean request) {
        boolean kal = false;
        boolean clo = false;
        boolean upg = false;
        boolean te = false;
        boolean cl = false;
        boolean chunked = false;
        boolean seenChunked = false;
        boolean bad = false;
        CharSequence host = null;
        boolean badHost = false;
        boolean websocket = false;
        boolean wsKey = false;
        // one walk over the headers, without copying them: this runs for every message
        Iterator<Map.Entry<CharSequence, CharSequence>> it = m.headers().iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> h = it.next();
            CharSequence name = h.getKey();
            if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONNECTION)) {
                CharSequence v = h.getValue();
                for (int i = 0, n = v.length(); i < n; i = nextToken(v, i)) {
                    int s = skipSpaces(v, i);
                    int e = tokenEnd(v, s);
                    kal |= is(v, s, e, "keep-alive");
                    clo |= is(v, s, e, "close");
                    upg |= is(v, s, e, "upgrade");
                }
            } else if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.TRANSFER_ENCODING)) {
                te = true;
                CharSequence v = h.getValue();
                for (int i = 0, n = v.length(); i < n; i = nextToken(v, i)) {
                    int s = skipSpaces(v, i);
                    int e = tokenEnd(v, s);
                    if (s == e) {
                        continue;
                    }
                    chunked = false;
                    if (is(v, s, e, "chunked")) {
                        bad |= seenChunked;
                        seenChunked = true;
                        chunked = true;
                    } else {
                        bad |= request && seenChunked;
                    }
                }
            } else if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.CONTENT_LENGTH)) {
                cl = true;
            } else if (AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.UPGRADE)) {
                // h1_parse_upgrade_header(): each Upgrade header decides anew
                websocket = false;
                CharSequence v = h.getValue();
                for (int i = 0, n = v.length(); i < n; i = nextToken(v, i)) {
                    int s = skipSpaces(v, i);
                    websocket |= is(v, s, tokenEnd(v, s), "websocket");
                }
            } else if (request ? AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.SEC_WEBSOCKET_KEY)
                    && h.getValue().length() == 24
                    : AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.SEC_WEBSOCKET_ACCEPT)) {
                wsKey = true;
            } else if (request && AsciiString.contentEqualsIgnoreCase(name, HttpHeaderNames.HOST)) {
                // a second Host must say the same (it is then dropped), else the request is invalid
                if (host == null) {
                    host = h.getValue();
                } else {
                    badHost |= !AsciiString.contentEqualsIgnoreCase(host, h.getValue());
                }
            }
        }
        // a request's transfer-encoding must end with chunked (RFC 7230 3.3.3)
        bad |= request && te && !chunked;
        if (request && m instanceof io.netty.handler.codec.http.HttpRequest r) {
            badHost |= !HostAuthority.valid(r, host);
        }
        boolean upgradeDropped = false;
        if (request && upg && !bodyless(m, chunked, cl)) {
            // h1_postparse_req_hdrs(): a request with a body cannot upgrade; its Upgrade headers go
            upg = false;
            upgradeDropped = true;
        }
        boolean badUri = request && m instanceof io.netty.handler.codec.http.HttpRequest r && H1Uri.refusedAt(r.uri()) >= 0;
        return new H1Flags(isVer11(m.protocolVersion()), kal, clo, upg, te, chunked, cl, bad, badHost,
                upg && websocket && !wsKey, upgradeDropped, badUri);
    }


    /** A request without a body: no chunks, no Content-Length or one of 0, or a CONNECT (whose are ignored). */
    private static boolean bodyless(HttpMessage m, boolean chunked, boolean cl) {
        if (m instanceof io.netty.handler.codec.http.HttpRequest r
                && r.method().equals(io.netty.handler.codec.http.HttpMethod.CONNECT)) {
            return true;
        }
        return !chunked && (!cl || io.netty.handler.codec.http.HttpUtil.getContentLength(m, 0L) == 0);
    }

    /** Where the token after the one at {@code i} starts: past the next comma. */
    private static int nextToken(CharSequence v, int i) {
        int n = v.length();
        while (i < n && v.charAt(i) != ',') {
            i++;
        }
        return i + 1;
    }

    private static int skipSpaces(CharSequence v, int i) {
        int n = v.length();
        while (i < n && isSpace(v.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the token starting at {@code s}, trailing spaces left out. */
    private static int tokenEnd(CharSequence v, int s) {
        int e = s;
        int n = v.length();
        while (e < n && v.charAt(e) != ',') {
            e++;
        }
        while (e > s && isSpace(v.charAt(e - 1))) {
            e--;
        }
        return e;
    }

    private static boolean isSpace(char c) {
        // what String.trim() removed: every control character and the space
        return c <= ' ';
    }

    private static boolean is(CharSequence v, int s, int e, String word) {
        if (e - s != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(v.charAt(s + i)) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean isVer11(HttpVersion v) {
        return v.majorVersion() > 1 || (v.majorVersion() == 1 && v.minorVersion() >= 1);
    }
}
