package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * The client side's H1 parser: Netty's request decoder with haproxy's limits, accepting
 * repeated identical Content-Length values as haproxy does (different ones are a 400). It notes
 * a request that had both Transfer-Encoding and Content-Length: Netty drops the Content-Length
 * as haproxy does, and haproxy also closes the client connection after such a request.
 *
 * <p>After a request that may turn the connection into a tunnel (a CONNECT, or a bodyless one
 * with "Connection: upgrade") it decodes nothing more until the response decides: what the
 * client sends meanwhile stays in its buffer, as in haproxy's H1 mux (H1S_F_RX_BLK), to be
 * forwarded raw if a tunnel opens ({@link #handlerRemoved} hands it on) or parsed as the next
 * request if not ({@link #resume}).
 */
final class RequestDecoder extends HttpRequestDecoder {
    private boolean teWithContentLength;
    /** The request being decoded may open a tunnel. */
    private boolean tunnelCandidate;
    /** Decoding waits for the response of a request that may open a tunnel. */
    private boolean held;
    private ChannelHandlerContext ctx;
    /** The last read took all the socket had (it did not fill its buffer). */
    private boolean drained = true;
    private final HeadCapture capture;
    /** {@link #refused}, made once: a method reference evaluated per decode would be an allocation each time. */
    private final java.util.function.Predicate<HttpMessage> refusal = this::refused;
    /** The flags of the last head decoded, worked out once for the capture and the transaction. */
    private HttpMessage lastHead;
    private H1Flags lastFlags;

    RequestDecoder(HttpLimits limits) {
        super(config(limits));
        this.capture = new HeadCapture(limits);
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
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (held) {
            return;
        }
        int before = out.size();
        capture.decoding(in);
        super.decode(ctx, in, out);
        capture.decoded(in, out, before, refusal);
        for (int i = before; i < out.size(); i++) {
            Object o = out.get(i);
            if (o instanceof HttpRequest r) {
                tunnelCandidate = mayOpenTunnel(r);
            }
            if (o instanceof LastHttpContent && tunnelCandidate) {
                tunnelCandidate = false;
                held = true;
            }
        }
    }

    /** Whether the H1 mux refuses a head Netty's decoder accepted (see {@link HttpTransaction#start}). */
    private boolean refused(HttpMessage m) {
        H1Flags f = H1Flags.of(m, true);
        lastHead = m;
        lastFlags = f;
        return f.refused();
    }

    /** The parser's flags of {@code request}, as noted when it was decoded. */
    H1Flags flagsOf(HttpRequest request) {
        if (request == lastHead) {
            lastHead = null; // not kept while the connection idles
            return lastFlags;
        }
        return H1Flags.of(request, true);
    }

    /** The bytes of the request just refused, for "show errors"; null if none. */
    byte[] takeRefused() {
        return capture.take();
    }

    HeadCapture capture() {
        return capture;
    }

    /** A CONNECT, or a request asking for an upgrade; {@link H1Flags} decides later whether it may. */
    private static boolean mayOpenTunnel(HttpRequest r) {
        return !r.decoderResult().isFailure()
                && (r.method().equals(HttpMethod.CONNECT)
                || r.headers().containsValue(HttpHeaderNames.CONNECTION,
                        HttpHeaderValues.UPGRADE, true));
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** The response opened no tunnel: what the client sent meanwhile is decoded now. */
    void resume() {
        if (held) {
            held = false;
            try {
                // ByteToMessageDecoder decodes its buffer at a read; an empty one adds nothing to it
                super.channelRead(ctx, Unpooled.EMPTY_BUFFER);
            } catch (Exception e) {
                ctx.fireExceptionCaught(e);
            }
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf b) {
            drained = b.isWritable();
            capture.reading();
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
