package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/**
 * The server side's H1 parser: Netty's response decoder, told when the request in flight was a
 * HEAD so that the response has no body whatever its Content-Length says, and keeping the
 * headers of a bodyless response as received. A response that may open a tunnel (a 101, a 2xx
 * to a CONNECT) has no body, and nothing after it is decoded: the transaction either opens the
 * tunnel, and what the server sent with the head is handed on raw when this decoder is removed,
 * or drops the connection.
 */
final class ResponseDecoder extends HttpResponseDecoder {
    private boolean headRequest;
    private boolean connectRequest;
    private boolean held;
    private HttpMessage keptFor;
    private HttpHeaders keptHeaders;

    private final HeadCapture capture;
    /** Final responses decoded on this connection: a stream after the first one is H1S_F_NOT_FIRST. */
    private int answered;

    ResponseDecoder(HttpLimits limits) {
        super(RequestDecoder.config(limits));
        this.capture = new HeadCapture(limits);
    }

    /**
     * The bytes of the last response head refused, or of the last 101 (which the transaction
     * may refuse: a WebSocket answer without its accept key, an upgrade nobody asked for); null
     * if none. Taken once.
     */
    byte[] takeRefused() {
        return capture.take();
    }

    HeadCapture capture() {
        return capture;
    }

    /** Whether a final response came on this connection before the one refused. */
    boolean answeredBefore() {
        return answered > 0;
    }

    /** Whether a final response came before the one whose body was refused (its head counted already). */
    boolean answeredBeforeBody() {
        return answered > 1;
    }

    void requestStarts(HttpMethod method) {
        this.headRequest = method.equals(HttpMethod.HEAD);
        this.connectRequest = method.equals(HttpMethod.CONNECT);
    }

    /** h1_postparse_res_hdrs(): a 101, or a 2xx to a CONNECT, opens a tunnel rather than carry a body. */
    private boolean opensTunnel(HttpMessage msg) {
        int code = ((io.netty.handler.codec.http.HttpResponse) msg).status().code();
        return code == 101 || connectRequest && code >= 200 && code < 300;
    }

    /** A request goes out on {@code ch}: its server codec (H1, or FastCGI) learns what it needs of it. */
    static void requestStarts(io.netty.channel.Channel ch, io.netty.handler.codec.http.HttpRequest request,
                              org.jhaproxy.runtime.sample.SampleContext samples) {
        if (!org.jhaproxy.runtime.fcgi.FcgiPipeline.requestStarts(ch, request, samples)) {
            ch.pipeline().get(ResponseDecoder.class).requestStarts(request.method());
        }
    }

    /**
     * A header name followed by blanks before its colon ("Bad Header: 1"): haproxy's H1 parser
     * rejects the response (502), where Netty would keep only the first word of the name. The
     * decoder turns the exception into an invalid message.
     */
    @Override
    protected io.netty.util.AsciiString splitHeaderName(byte[] line, int start, int length) {
        int end = start + length;
        if (end < line.length && (line[end] == ' ' || line[end] == '\t')) {
            throw new IllegalArgumentException("whitespace between a header name and its colon");
        }
        return super.splitHeaderName(line, start, length);
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
        boolean empty = super.isContentAlwaysEmpty(msg) || headRequest || opensTunnel(msg);
        if (empty && msg.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            // Netty drops the Transfer-Encoding of a bodyless response; haproxy forwards it
            keptHeaders = msg.headers().copy();
            keptFor = msg;
        }
        return empty;
    }

    /**
     * haproxy's H1 parser takes a response head and what came with it in the same read in one
     * pass, before anything is forwarded: a body it refuses there (an invalid chunk size) makes
     * the whole response invalid, a 502 "PH", where one in a later read cuts a response already
     * on its way ("SD"). Netty's decoder hands the head on alone, so after a final head the rest
     * of the read is decoded here at once, and the head is marked failed if its body is refused.
     */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        int before = out.size();
        decodeOnce(ctx, in, out);
        int head = finalHead(out, before);
        if (head < 0) {
            return;
        }
        while (in.isReadable() && !held && !(out.get(out.size() - 1) instanceof LastHttpContent)) {
            int readable = in.readableBytes();
            int size = out.size();
            decodeOnce(ctx, in, out);
            for (int i = size; i < out.size(); i++) {
                if (out.get(i) instanceof HttpContent c && c.decoderResult().isFailure()) {
                    refuseWithBody(out, head, c.decoderResult().cause());
                    return;
                }
            }
            if (readable == in.readableBytes() && size == out.size()) {
                return; // the rest waits for more bytes
            }
        }
    }

    /** Each read is one pass of haproxy's parser: a body error tells whether its head came in the same one. */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof ByteBuf) {
            capture.reading();
        }
        super.channelRead(ctx, msg);
    }

    /** The index in {@code out} of a final response head decoded from {@code from}, or -1. */
    private static int finalHead(List<Object> out, int from) {
        for (int i = from; i < out.size(); i++) {
            if (out.get(i) instanceof io.netty.handler.codec.http.HttpResponse r && !r.decoderResult().isFailure()
                    && r.status().code() >= 200) {
                return i;
            }
        }
        return -1;
    }

    /** The head at {@code head} is refused for its body: what was decoded after it is dropped. */
    private void refuseWithBody(List<Object> out, int head, Throwable cause) {
        while (out.size() > head + 1) {
            ReferenceCountUtil.release(out.remove(out.size() - 1));
        }
        ((HttpMessage) out.get(head)).setDecoderResult(DecoderResult.failure(cause));
    }

    private void decodeOnce(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (held) {
            return;
        }
        int before = out.size();
        capture.decoding(in);
        super.decode(ctx, in, out);
        capture.decoded(in, out, before,
                m -> m instanceof io.netty.handler.codec.http.HttpResponse r && r.status().code() == 101);
        for (int i = before; i < out.size(); i++) {
            if (out.get(i) instanceof HttpMessage m && !m.decoderResult().isFailure()) {
                if (opensTunnel(m)) {
                    held = true;
                } else if (((io.netty.handler.codec.http.HttpResponse) m).status().code() >= 200) {
                    answered++;
                }
            }
        }
        if (keptFor != null) {
            for (int i = before; i < out.size(); i++) {
                if (out.get(i) == keptFor) {
                    keptFor.headers().set(keptHeaders);
                }
            }
            keptFor = null;
            keptHeaders = null;
        }
    }
}
