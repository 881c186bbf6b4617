package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.util.List;

/**
 * The server side's H1 parser: Netty's response decoder, told when the request in flight was a
 * HEAD so that the response has no body whatever its Content-Length says, and keeping the
 * headers of a bodyless response as received.
 */
final class ResponseDecoder extends HttpResponseDecoder {
    private boolean headRequest;
    private HttpMessage keptFor;
    private HttpHeaders keptHeaders;

    ResponseDecoder(HttpLimits limits) {
        super(RequestDecoder.config(limits));
    }

    void headRequest(boolean head) {
        this.headRequest = head;
    }

    /** A request goes out on {@code ch}: its server codec (H1, or FastCGI) learns what it needs of it. */
    static void requestStarts(io.netty.channel.Channel ch, io.netty.handler.codec.http.HttpRequest request,
                              org.jhaproxy.runtime.sample.SampleContext samples) {
        if (!org.jhaproxy.runtime.fcgi.FcgiPipeline.requestStarts(ch, request, samples)) {
            ch.pipeline().get(ResponseDecoder.class).headRequest(request.method().equals(io.netty.handler.codec.http.HttpMethod.HEAD));
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
        boolean empty = super.isContentAlwaysEmpty(msg) || headRequest;
        if (empty && msg.headers().contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            // Netty drops the Transfer-Encoding of a bodyless response; haproxy forwards it
            keptHeaders = msg.headers().copy();
            keptFor = msg;
        }
        return empty;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        int before = out.size();
        super.decode(ctx, in, out);
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
