package org.jhaproxy.runtime.fcgi;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;

/**
 * A FastCGI application's records back into the HTTP response haproxy makes of them (mux_fcgi's
 * input side and the FCGI filter): STDOUT carries a CGI head then the body; the response ends at
 * the empty STDOUT or at END_REQUEST; STDERR is logged. The head loses its "Status" header and
 * gains a Date when it has none; without a length of its own, a response complete in the same
 * read gets a Content-Length, a longer one is chunked to an HTTP/1.1 client (an HTTP/1.0 one reads
 * it up to the close).
 */
final class FcgiResponseDecoder extends ChannelInboundHandlerAdapter {
    private final FcgiApp app;
    /** The request whose response is read: records of any other are ignored (a late END_REQUEST). */
    private int requestId = -1;
    private boolean headRequest;
    private boolean ver11;
    /** STDOUT read before the head was complete, then the body read with it. */
    private CompositeByteBuf pending;
    private CgiResponseHead head;
    private boolean headSent;
    private boolean ended;

    FcgiResponseDecoder(FcgiApp app) {
        this.app = app;
    }

    /** A new request goes out: what its response is read for (a HEAD has no body; the version of the request). */
    void requestStarts(int id, boolean head, boolean http11) {
        this.requestId = id;
        this.headRequest = head;
        this.ver11 = http11;
        this.head = null;
        this.headSent = false;
        this.ended = false;
        releasePending();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FcgiRecord r)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (r.requestId() != requestId) {
                return;
            }
            switch (r.type()) {
                case FcgiRecord.STDOUT -> {
                    if (r.content().isReadable()) {
                        stdout(ctx, r.content());
                    } else {
                        end(ctx);
                    }
                }
                case FcgiRecord.END_REQUEST -> end(ctx);
                case FcgiRecord.STDERR -> {
                    if (r.content().isReadable()) {
                        app.stderr(r.content().toString(StandardCharsets.ISO_8859_1));
                    }
                }
                default -> {
                    // GET_VALUES_RESULT, UNKNOWN_TYPE...: nothing asked for, nothing to do
                }
            }
        } finally {
            r.release();
        }
    }

    private void stdout(ChannelHandlerContext ctx, ByteBuf data) {
        if (ended) {
            return;
        }
        if (headSent) {
            if (!headRequest) {
                ctx.fireChannelRead(new DefaultHttpContent(data.retain()));
            }
            return;
        }
        if (pending == null) {
            pending = ctx.alloc().compositeBuffer();
        }
        pending.addComponent(true, data.retain());
        if (head == null) {
            head = CgiResponseHead.read(pending);
        }
    }

    private void end(ChannelHandlerContext ctx) {
        if (ended) {
            return;
        }
        ended = true;
        if (headSent) {
            ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
        } else {
            sendHead(ctx, true);
        }
        if (!app.keepConn()) {
            // without FCGI_KEEP_CONN the application closes the connection: it is not reused
            ctx.close();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (head != null && !headSent) {
            sendHead(ctx, false);
        }
        ctx.fireChannelReadComplete();
    }

    /** The head, and the body read with it; {@code whole}: the response ended in the same read. */
    private void sendHead(ChannelHandlerContext ctx, boolean whole) {
        headSent = true;
        ByteBuf body = pending == null ? ctx.alloc().buffer(0) : pending;
        pending = null;
        if (head == null || head == CgiResponseHead.INVALID || headRequest && body.isReadable()) {
            // an incomplete or invalid head, or a body to a HEAD request: a parsing error, 502
            body.release();
            HttpResponse bad = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_GATEWAY);
            bad.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("invalid FastCGI response")));
            ctx.fireChannelRead(bad);
            return;
        }
        HttpHeaders h = head.headers();
        long adjust = 0;
        for (String v : h.getAll("status")) {
            adjust += "status".length() + v.length();
        }
        h.remove("status");
        if (!h.contains(HttpHeaderNames.DATE)) {
            String date = HttpDate.now();
            h.add("date", date);
            adjust -= "date".length() + date.length();
        }
        int code = head.code();
        boolean bodyless = code == 204 || code == 304 || code >= 100 && code < 200;
        boolean framed = h.contains(HttpHeaderNames.CONTENT_LENGTH) || h.contains(HttpHeaderNames.TRANSFER_ENCODING);
        if (!framed && (ver11 || bodyless) && !headRequest) {
            if (whole) {
                String length = String.valueOf(body.readableBytes());
                h.add("content-length", length);
                adjust -= "content-length".length() + length.length();
            } else if (ver11) {
                // the client's H1 side chunks a response whose end the FCGI stream will tell;
                // its end is not an HTX block (the FCGI stream ends with data)
                h.add("transfer-encoding", "chunked");
                adjust -= "transfer-encoding".length() + "chunked".length() + 1;
            }
        }
        HttpResponse res = new FcgiResponse(ver11 ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_1_0,
                new HttpResponseStatus(code, head.reason()), h, adjust);
        ctx.fireChannelRead(res);
        if (whole) {
            ctx.fireChannelRead(new DefaultLastHttpContent(body));
        } else if (body.isReadable()) {
            ctx.fireChannelRead(new DefaultHttpContent(body));
        } else {
            body.release();
        }
    }

    private void releasePending() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releasePending();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releasePending();
        ctx.fireChannelInactive();
    }
}
