package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * The client side's H1 parser: Netty's request decoder with haproxy's limits, accepting
 * repeated identical Content-Length values as haproxy does (different ones are a 400). It notes
 * a request that had both Transfer-Encoding and Content-Length: Netty drops the Content-Length
 * as haproxy does, and haproxy also closes the client connection after such a request.
 */
final class RequestDecoder extends HttpRequestDecoder {
    private boolean teWithContentLength;

    RequestDecoder(HttpLimits limits) {
        super(config(limits));
    }

    static HttpDecoderConfig config(HttpLimits limits) {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(limits.maxInitialLine())
                .setMaxHeaderSize(limits.maxHeaderSize())
                .setMaxChunkSize(limits.maxChunk())
                .setAllowDuplicateContentLengths(true)
                .setHeadersFactory(H1Headers.FACTORY);
    }

    @Override
    protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
        super.handleTransferEncodingChunkedWithContentLength(message);
        teWithContentLength = true;
    }

    /** Whether the request just decoded had both headers; asked once per request head. */
    boolean takeTeWithContentLength() {
        boolean b = teWithContentLength;
        teWithContentLength = false;
        return b;
    }
}
