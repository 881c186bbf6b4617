package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpRequest;

/**
 * How much of a request body haproxy's request buffer holds beside the head while the stream
 * waits for it: the H1 mux fills the HTX message until only the "tune.maxrewrite" reserve is
 * free. The HTX message is the buffer less its 48-byte descriptor (struct htx), and each of its
 * blocks (the start line, each header, the end of headers, the body data) costs an 8-byte
 * index entry besides its contents ({@link HtxSize#head}). With the defaults and the head
 * "POST /x HTTP/1.1, Host, Content-Length" this leaves 15213 bytes of body. The head counted is
 * the one received: headers the rules add later take the reserve, not the body's room.
 */
final class BodyRoom {
    private static final int HTX_DESCRIPTOR = 48;
    static final int BLOCK_INDEX = 8;

    private BodyRoom() {
    }

    static long of(HttpRequest request, HttpLimits limits) {
        long bufsize = limits.maxChunk();
        long reserve = bufsize - limits.maxHeaderSize();
        // the start line, the headers, the end of headers, and a first data block
        long blocks = 1 + request.headers().size() + 1 + 1;
        return bufsize - HTX_DESCRIPTOR - reserve - HtxSize.head(request) - blocks * BLOCK_INDEX;
    }
}
