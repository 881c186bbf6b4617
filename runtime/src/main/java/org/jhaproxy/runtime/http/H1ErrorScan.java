package org.jhaproxy.runtime.http;

import org.jhaproxy.runtime.proxy.ErrorSnapshot;

/**
 * Where haproxy's H1 parser stops in a message it refuses, and what it noted until then: Netty's
 * decoder says that a head is invalid, not at which byte, so the captured bytes are walked again
 * here with the rules of haproxy's parser (h1_headers_to_hdr_list(), strict as a proxy without
 * "option accept-invalid-http-*"): its states (enum h1m_state), the position of the byte it
 * refused, or the end of the data when the head is incomplete, and the message flags (H1_MF_*)
 * and lengths the headers read so far set. A head the parser accepts stops at its end in
 * MSG_DONE: what refused it came later (a request Transfer-Encoding that does not end with
 * chunked, a WebSocket handshake without its key, a 101 nobody asked for).
 *
 * <p>Runs only on an error, over at most a buffer's worth of bytes.
 */
final class H1ErrorScan {
    static final int RQBEFORE = 0, RQBEFORE_CR = 1, RQMETH = 2, RQMETH_SP = 3, RQURI = 4, RQURI_SP = 5, RQVER = 6,
            RQLINE_END = 7, RPBEFORE = 8, RPBEFORE_CR = 9, RPVER = 10, RPVER_SP = 11, RPCODE = 12, RPCODE_SP = 13,
            RPREASON = 14, RPLINE_END = 15, HDR_FIRST = 16, HDR_NAME = 17, HDR_COL = 18, HDR_L1_SP = 19,
            HDR_L1_LF = 20, HDR_L1_LWS = 21, HDR_VAL = 22, HDR_L2_LF = 23, HDR_L2_LWS = 24, LAST_LF = 25,
            CHUNK_SIZE = 26, DATA = 27, CHUNK_CRLF = 28, TRAILERS = 29, DONE = 30, TUNNEL = 31;
    private static final String[] NAMES = {"MSG_RQBEFORE", "MSG_RQBEFORE_CR", "MSG_RQMETH", "MSG_RQMETH_SP",
        "MSG_RQURI", "MSG_RQURI_SP", "MSG_RQVER", "MSG_RQLINE_END", "MSG_RPBEFORE", "MSG_RPBEFORE_CR", "MSG_RPVER",
        "MSG_RPVER_SP", "MSG_RPCODE", "MSG_RPCODE_SP", "MSG_RPREASON", "MSG_RPLINE_END", "MSG_HDR_FIRST",
        "MSG_HDR_NAME", "MSG_HDR_COL", "MSG_HDR_L1_SP", "MSG_HDR_L1_LF", "MSG_HDR_L1_LWS", "MSG_HDR_VAL",
        "MSG_HDR_L2_LF", "MSG_HDR_L2_LWS", "MSG_LAST_LF", "MSG_CHUNK_SIZE", "MSG_DATA", "MSG_CHUNK_CRLF",
        "MSG_TRAILERS", "MSG_DONE", "MSG_TUNNEL"};

    /** H1_MF_* flags. */
    static final int CLEN = 0x1, CHNK = 0x2, RESP = 0x4, VER_11 = 0x10, CONN_CLO = 0x20, CONN_KAL = 0x40,
            CONN_UPG = 0x80, XFER_LEN = 0x100, XFER_ENC = 0x200, NO_PHDR = 0x400, CLEAN_CONN_HDR = 0x1000,
            UPG_WEBSOCKET = 0x8000, TE_CHUNKED = 0x10000, TE_OTHER = 0x20000;

    private final byte[] b;
    private final int len;
    private final boolean response;
    /** The request was refused for its Host: the one that differs from the URI's authority is the culprit. */
    private final boolean hostRefused;
    private int state;
    private int pos;
    private int flags;
    private long contentLength;
    private boolean refused;
    // the current line: where the name starts, the colon, where the value starts and ends
    private int sol;
    private int col;
    private int sov;
    private int eol;
    private int verStart;
    private int verLen;
    /** Where the request line of an HTTP/0.9 request ended: its empty version is there. */
    private int http09At = -1;
    private int uriStart;
    /** Where H1Uri says the URI has a byte the parser refuses, -1 for none. */
    private int uriRefusedAt = -1;
    private int uriLen;
    private String host;

    private H1ErrorScan(byte[] b, int len, boolean response, boolean hostRefused) {
        this.b = b;
        this.len = len;
        this.response = response;
        this.hostRefused = hostRefused;
        // the H1 mux always parses without pseudo-headers and cleans the Connection header
        this.flags = NO_PHDR | CLEAN_CONN_HDR | (response ? RESP : 0);
        this.state = response ? RPBEFORE : RQBEFORE;
    }

    /** The parser's view of the first {@code len} bytes of {@code b}; {@code errPos} is where it stopped. */
    record Result(int errPos, ErrorSnapshot.H1State h1) {
    }

    static Result scan(byte[] b, int len, boolean response, boolean hostRefused, int connFlags, int streamFlags) {
        H1ErrorScan s = new H1ErrorScan(b, len, response, hostRefused);
        s.run();
        if (!s.refused && s.state >= CHUNK_SIZE) {
            // the head is valid for the parser: the refusal came after it (h1_process_headers())
            s.flags |= XFER_LEN;
            s.state = DONE;
        }
        return new Result(s.pos, new ErrorSnapshot.H1State(connFlags, streamFlags, s.state, NAMES[s.state], s.flags,
                s.contentLength, s.contentLength));
    }

    /**
     * A chunk-size line refused in a body (h1_parse_chunk_size()): MSG_CHUNK_SIZE at the byte
     * that is neither a hex digit, nor blanks, an extension or the line end after them. The
     * message flags are the head's, parsed again when the buffer starts with it, else
     * {@code headFlags}; the head was accepted, so its length is known (H1_MF_XFER_LEN).
     */
    static Result scanBody(byte[] b, int lineAt, boolean withHead, int headFlags, long bodyLength, int connFlags,
                           int streamFlags) {
        return scanBody(b, lineAt, withHead, false, headFlags, bodyLength, connFlags, streamFlags);
    }

    /** {@link #scanBody(byte[], int, boolean, int, long, int, int)} of a request's or, {@code response}, a response's body. */
    static Result scanBody(byte[] b, int lineAt, boolean withHead, boolean response, int headFlags, long bodyLength,
                           int connFlags, int streamFlags) {
        int flags = headFlags;
        if (withHead) {
            H1ErrorScan s = new H1ErrorScan(b, Math.min(lineAt, b.length), response, false);
            s.run();
            flags = s.flags;
        }
        return new Result(chunkSizeError(b, lineAt), new ErrorSnapshot.H1State(connFlags, streamFlags, CHUNK_SIZE,
                NAMES[CHUNK_SIZE], flags | XFER_LEN, 0, bodyLength));
    }

    /** Where h1_parse_chunk_size() refuses the line at {@code at}; {@code at} if nothing there is wrong. */
    private static int chunkSizeError(byte[] b, int at) {
        int i = at;
        while (i < b.length && Character.digit(b[i], 16) >= 0) {
            i++;
        }
        if (i == at) {
            return at;
        }
        while (i < b.length && (b[i] == ' ' || b[i] == '\t')) {
            i++;
        }
        while (i < b.length) {
            if (b[i] == '\r' || b[i] == '\n') {
                if (b[i] == '\r' && ++i < b.length && b[i] != '\n') {
                    return i;
                }
                return at;
            }
            if (b[i] != ';') {
                return i;
            }
            while (i < b.length && b[i] != '\r' && b[i] != '\n') {
                i++;
            }
        }
        return i;
    }

    static String stateName(int state) {
        return NAMES[state];
    }

    private void run() {
        while (pos < len) {
            if (!step(b[pos] & 0xff)) {
                return;
            }
        }
    }

    /** Stops the walk at the current byte, refused in {@code st}. */
    private boolean refuse(int st) {
        state = st;
        refused = true;
        return false;
    }

    private boolean eat(int next) {
        pos++;
        state = next;
        return true;
    }

    /** One byte in the current state; false once the message is refused or the head is over. */
    private boolean step(int c) {
        switch (state) {
            case RQBEFORE, RPBEFORE -> {
                if (isToken(c)) {
                    state = response ? RPVER : RQMETH;
                    verStart = pos;
                    return true;
                }
                if (c == '\n') {
                    return eat(state);
                }
                return c == '\r' ? eat(state + 1) : refuse(state);
            }
            case RQBEFORE_CR, RPBEFORE_CR -> {
                return c == '\n' ? eat(state - 1) : refuse(state);
            }
            case RQMETH -> {
                if (isToken(c)) {
                    return eat(RQMETH);
                }
                if (c == ' ' || c == '\t') {
                    return eat(RQMETH_SP);
                }
                if (isCrlf(c)) {
                    return requestLineEnd(c, 0);
                }
                return refuse(RQMETH);
            }
            case RQMETH_SP -> {
                if (c == ' ' || c == '\t') {
                    return eat(RQMETH_SP);
                }
                if (isCrlf(c)) {
                    return requestLineEnd(c, 0);
                }
                uriStart = pos;
                uriRefusedAt = H1Uri.refusedAt(b, pos, len);
                state = RQURI;
                return true;
            }
            case RQURI -> {
                if (pos == uriRefusedAt) {
                    return refuse(RQURI);
                }
                if (c != ' ' && c != '\t' && !isCrlf(c)) {
                    return eat(RQURI); // H1Uri found no refused byte before this one
                }
                if (c == ' ' || c == '\t') {
                    uriLen = pos - uriStart;
                    return eat(RQURI_SP);
                }
                if (isCrlf(c)) {
                    uriLen = pos - uriStart;
                    return requestLineEnd(c, 0);
                }
                return refuse(RQURI);
            }
            case RQURI_SP -> {
                if (c == ' ' || c == '\t') {
                    return eat(RQURI_SP);
                }
                if (isCrlf(c)) {
                    return requestLineEnd(c, 0);
                }
                verStart = pos;
                state = RQVER;
                return true;
            }
            case RQVER -> {
                if (isVersionChar(c)) {
                    return eat(RQVER);
                }
                if (isCrlf(c)) {
                    return requestLineEnd(c, pos - verStart);
                }
                return refuse(RQVER);
            }
            case RQLINE_END -> {
                if (verLen == 0) {
                    state = LAST_LF; // HTTP/0.9: no headers
                    return true;
                }
                return c == '\n' ? eat(HDR_FIRST) : refuse(RQLINE_END);
            }
            case RPVER -> {
                if (isVersionChar(c)) {
                    return eat(RPVER);
                }
                if (c == ' ' || c == '\t') {
                    version(pos - verStart);
                    return eat(RPVER_SP);
                }
                return refuse(RPVER);
            }
            case RPVER_SP -> {
                if (c == ' ' || c == '\t') {
                    return eat(RPVER_SP);
                }
                if (isCrlf(c)) {
                    return refuse(RPVER_SP);
                }
                state = RPCODE;
                return true;
            }
            case RPCODE -> {
                if (c >= '0' && c <= '9') {
                    return eat(RPCODE);
                }
                if (c == ' ' || c == '\t') {
                    return eat(RPCODE_SP);
                }
                return isCrlf(c) ? lineEnd(c, RPLINE_END) : refuse(RPCODE);
            }
            case RPCODE_SP -> {
                if (c == ' ' || c == '\t') {
                    return eat(RPCODE_SP);
                }
                if (isCrlf(c)) {
                    return lineEnd(c, RPLINE_END);
                }
                state = RPREASON;
                return true;
            }
            case RPREASON -> {
                return isCrlf(c) ? lineEnd(c, RPLINE_END) : eat(RPREASON);
            }
            case RPLINE_END -> {
                return c == '\n' ? eat(HDR_FIRST) : refuse(RPLINE_END);
            }
            case HDR_FIRST -> {
                sol = pos;
                if (isCrlf(c)) {
                    return c == '\r' ? eat(LAST_LF) : headEnd();
                }
                state = HDR_NAME;
                return true;
            }
            case HDR_NAME -> {
                if (isToken(c)) {
                    return eat(HDR_NAME);
                }
                if (c == ':') {
                    col = pos;
                    return eat(HDR_L1_SP);
                }
                return refuse(HDR_NAME);
            }
            case HDR_L1_SP -> {
                if (c == ' ' || c == '\t') {
                    return eat(HDR_L1_SP);
                }
                sov = pos;
                if (isCrlf(c)) {
                    return c == '\r' ? eat(HDR_L1_LF) : lf(HDR_L1_LF);
                }
                state = HDR_VAL;
                return true;
            }
            case HDR_L1_LF -> {
                return c == '\n' ? eat(HDR_L1_LWS) : refuse(HDR_L1_LF);
            }
            case HDR_L1_LWS -> {
                if (c == ' ' || c == '\t') {
                    blank(sov, pos);
                    state = HDR_L1_SP; // a folded line
                    return true;
                }
                eol = sov;
                return header(c);
            }
            case HDR_VAL -> {
                if (!isCrlf(c)) {
                    return eat(HDR_VAL);
                }
                eol = pos;
                return c == '\r' ? eat(HDR_L2_LF) : lf(HDR_L2_LF);
            }
            case HDR_L2_LF -> {
                return c == '\n' ? eat(HDR_L2_LWS) : refuse(HDR_L2_LF);
            }
            case HDR_L2_LWS -> {
                if (c == ' ' || c == '\t') {
                    blank(eol, pos);
                    state = HDR_VAL; // a folded line
                    return true;
                }
                return header(c);
            }
            case LAST_LF -> {
                return c == '\n' ? headEnd() : refuse(LAST_LF);
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * A folded header line (obs-fold): haproxy's parser turns the line break before it into
     * spaces in its buffer, which the snapshot then shows.
     */
    private void blank(int from, int to) {
        java.util.Arrays.fill(b, from, to, (byte) ' ');
    }

    /** A bare LF where a CR LF may be: the state that expects the LF takes it. */
    private boolean lf(int next) {
        state = next;
        return true;
    }

    /** The request line ends at this CR or LF; {@code vlen} is its version's length, 0 for HTTP/0.9. */
    private boolean requestLineEnd(int c, int vlen) {
        verLen = vlen;
        if (vlen != 0) {
            version(vlen);
        } else {
            http09At = pos;
        }
        return c == '\r' ? eat(RQLINE_END) : lf(RQLINE_END);
    }

    private boolean lineEnd(int c, int next) {
        return c == '\r' ? eat(next) : lf(next);
    }

    /** "HTTP/x.y" of 1.1 or above. */
    private void version(int vlen) {
        if (vlen == 8 && (b[verStart + 5] > '1' || b[verStart + 5] == '1' && b[verStart + 7] >= '1')) {
            flags |= VER_11;
        }
    }

    /** A header line is over (the byte at pos starts the next line): what haproxy checks of its value. */
    private boolean header(int c) {
        int vs = sov;
        int ve = eol;
        while (vs < ve && isLws(b[vs])) {
            vs++;
        }
        while (ve - 1 > vs && isLws(b[ve - 1])) {
            ve--;
        }
        String name = latin1(sol, col);
        if (name.equalsIgnoreCase("transfer-encoding")) {
            if (!transferEncoding(vs, ve)) {
                pos = vs;
                return refuse(HDR_L2_LWS);
            }
        } else if (name.equalsIgnoreCase("content-length")) {
            if (!contentLength(vs, ve)) {
                pos = vs;
                return refuse(HDR_L2_LWS);
            }
        } else if (name.equalsIgnoreCase("connection")) {
            for (String w : words(vs, ve)) {
                flags |= w.equalsIgnoreCase("keep-alive") ? CONN_KAL : w.equalsIgnoreCase("close") ? CONN_CLO
                        : w.equalsIgnoreCase("upgrade") ? CONN_UPG : 0;
            }
        } else if (name.equalsIgnoreCase("upgrade")) {
            flags &= ~UPG_WEBSOCKET;
            for (String w : words(vs, ve)) {
                flags |= w.equalsIgnoreCase("websocket") ? UPG_WEBSOCKET : 0;
            }
        } else if (!response && name.equalsIgnoreCase("host")) {
            String v = latin1(vs, ve);
            if (host == null) {
                host = v;
                if (hostRefused && !authority().isEmpty() && !authority().equalsIgnoreCase(v)) {
                    // the Host differs from the URI's authority: noted at its value, refused at the end
                    pos = vs;
                    return refuse(LAST_LF);
                }
            } else if (!host.equalsIgnoreCase(v)) {
                pos = vs;
                return refuse(HDR_L2_LWS);
            }
        }
        sol = pos;
        if (isCrlf(c)) {
            return c == '\r' ? eat(LAST_LF) : lf(LAST_LF);
        }
        state = HDR_NAME;
        return true;
    }

    /** h1_parse_xfer_enc_header(): "chunked" once, and last in a request. */
    private boolean transferEncoding(int vs, int ve) {
        flags |= XFER_ENC;
        for (String w : words(vs, ve)) {
            flags &= ~CHNK;
            if (w.equalsIgnoreCase("chunked")) {
                if ((flags & TE_CHUNKED) != 0) {
                    return false;
                }
                flags |= TE_CHUNKED | CHNK;
            } else {
                if (!response && (flags & TE_CHUNKED) != 0) {
                    return false;
                }
                flags |= TE_OTHER;
            }
        }
        return true;
    }

    /** h1_parse_cont_len_header(): digits, repeated values equal to the first one. */
    private boolean contentLength(int vs, int ve) {
        int i = vs;
        while (i < ve) {
            if (isLws(b[i])) {
                i++;
                continue;
            }
            int start = i;
            long cl = 0;
            while (i < ve && b[i] >= '0' && b[i] <= '9') {
                if (cl > Long.MAX_VALUE / 10 || cl * 10 + (b[i] - '0') < 0) {
                    return false;
                }
                cl = cl * 10 + (b[i] - '0');
                i++;
            }
            if (i == start) {
                return false;
            }
            while (i < ve && isLws(b[i])) {
                i++;
            }
            if (i < ve && b[i] != ',') {
                return false;
            }
            if ((flags & CLEN) != 0 && cl != contentLength) {
                return false;
            }
            flags |= CLEN;
            contentLength = cl;
            i++;
        }
        return true;
    }

    /** The empty line ends the head: the framing decides what comes next. */
    private boolean headEnd() {
        pos++;
        state = DATA;
        if ((flags & XFER_ENC) != 0) {
            if ((flags & CLEN) != 0) {
                flags = (flags | CONN_CLO) & ~CLEN;
            } else if ((flags & VER_11) == 0) {
                flags |= CONN_CLO;
            }
            if ((flags & CHNK) != 0) {
                state = CHUNK_SIZE;
            } else if (!response) {
                // a request's Transfer-Encoding must end with chunked (RFC 7230 3.3.3)
                refused = true;
            }
        }
        if (http09At >= 0 && !refused) {
            // h1_process_req_vsn(): no HTTP/0.9, refused at its missing version
            pos = http09At;
            refused = true;
        }
        return false;
    }

    /** The authority of an absolute-form URI, empty for another form. */
    private String authority() {
        String uri = latin1(uriStart, uriStart + uriLen);
        int scheme = uri.indexOf("://");
        if (uri.startsWith("/") || scheme <= 0) {
            return "";
        }
        int end = scheme + 3;
        while (end < uri.length() && "/?#".indexOf(uri.charAt(end)) < 0) {
            end++;
        }
        String auth = uri.substring(scheme + 3, end);
        int at = auth.lastIndexOf('@');
        return at >= 0 ? auth.substring(at + 1) : auth;
    }

    /** The comma-separated words of a value, their blanks trimmed, empty ones left out. */
    private java.util.List<String> words(int vs, int ve) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String w : latin1(vs, ve).split(",")) {
            String t = w.strip();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private String latin1(int from, int to) {
        return new String(b, from, Math.max(0, to - from), java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static boolean isCrlf(int c) {
        return c == '\r' || c == '\n';
    }

    private static boolean isLws(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isVersionChar(int c) {
        return c == 'H' || c == 'T' || c == 'P' || c == '/' || c == '.' || c >= '0' && c <= '9';
    }

    /** An RFC 7230 tchar. */
    static boolean isToken(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
