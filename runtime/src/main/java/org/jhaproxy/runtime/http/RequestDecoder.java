package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
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
    /** The last read took all the socket had (it did not fill its buffer). */
    private boolean drained = true;

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

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf b) {
            drained = b.isWritable();
        }
        super.channelRead(ctx, msg);
    }

    /**
     * Whether the last read drained the socket: what comes next is a later read for haproxy too
     * (its H1 mux then adds the data as a new HTX block), not the rest of the same one.
     */
    boolean drained() {
        return drained;
    }

    /** Whether the request just decoded had both headers; asked once per request head. */
    boolean takeTeWithContentLength() {
        boolean b = teWithContentLength;
        teWithContentLength = false;
        return b;
    }
}
