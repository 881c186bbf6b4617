package org.jhaproxy.runtime.fcgi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.PromiseCombiner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * An HTTP request written to a FastCGI application, as records (mux_fcgi's output side): a
 * BEGIN_REQUEST for the responder role (FCGI_KEEP_CONN with "option keep-conn"), the PARAMS and
 * their empty end, then the body as STDIN and its empty end. Each request of a connection gets
 * the next odd request id, as haproxy numbers its FCGI streams.
 */
final class FcgiRequestEncoder extends ChannelOutboundHandlerAdapter {
    private static final int RESPONDER = 1;
    private static final int KEEP_CONN = 1;

    private final FcgiApp app;
    private int lastId = -1;
    private int id;
    private SampleContext samples;

    FcgiRequestEncoder(FcgiApp app) {
        this.app = app;
    }

    /**
     * The stream whose request is written next: its addresses and the values of the set-param
     * rules. Returns the request id its records carry.
     */
    int requestStarts(SampleContext s) {
        this.samples = s;
        id = (lastId + 1) | 1;
        lastId = id;
        return id;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        List<FcgiRecord> records = new ArrayList<>();
        try {
            if (msg instanceof HttpRequest head) {
                begin(ctx, records);
                long inHead = msg instanceof HttpContent c ? c.content().readableBytes() : 0;
                params(ctx, head, inHead, records);
            }
            if (msg instanceof HttpContent c) {
                stdin(c.content(), records);
                if (msg instanceof LastHttpContent) {
                    records.add(FcgiRecord.empty(FcgiRecord.STDIN, id));
                }
            }
        } finally {
            io.netty.util.ReferenceCountUtil.release(msg);
        }
        if (records.isEmpty()) {
            promise.setSuccess();
            return;
        }
        PromiseCombiner all = new PromiseCombiner(ctx.executor());
        for (FcgiRecord r : records) {
            all.add(ctx.write(r));
        }
        all.finish(promise);
    }

    private void begin(ChannelHandlerContext ctx, List<FcgiRecord> records) {
        ByteBuf body = ctx.alloc().buffer(8);
        body.writeShort(RESPONDER).writeByte(app.keepConn() ? KEEP_CONN : 0).writeZero(5);
        records.add(new FcgiRecord(FcgiRecord.BEGIN_REQUEST, id, body));
    }

    private void params(ChannelHandlerContext ctx, HttpRequest head, long bodyLength, List<FcgiRecord> records) {
        boolean https = samples != null && samples.tls() != null;
        List<CgiParams.Param> params = CgiParams.of(head, app, samples, bodyLength, https);
        if (params == null) {
            params = List.of();
        }
        ByteBuf all = ctx.alloc().buffer();
        for (CgiParams.Param p : params) {
            pair(all, p.name(), p.value());
        }
        // a PARAMS stream may span records: each carries at most 65535 bytes
        while (all.isReadable()) {
            records.add(new FcgiRecord(FcgiRecord.PARAMS, id, all.readRetainedSlice(Math.min(all.readableBytes(), FcgiRecord.MAX_CONTENT))));
        }
        all.release();
        records.add(FcgiRecord.empty(FcgiRecord.PARAMS, id));
    }

    private void stdin(ByteBuf data, List<FcgiRecord> records) {
        while (data.isReadable()) {
            records.add(new FcgiRecord(FcgiRecord.STDIN, id, data.readRetainedSlice(Math.min(data.readableBytes(), FcgiRecord.MAX_CONTENT))));
        }
    }

    /** A name-value pair: 1-byte lengths below 128, else 4 bytes with the top bit set; the name in upper case. */
    private static void pair(ByteBuf out, String name, String value) {
        length(out, name.length());
        length(out, value.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            out.writeByte(c < 128 && Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        out.writeCharSequence(value, StandardCharsets.ISO_8859_1);
    }

    private static void length(ByteBuf out, int n) {
        if (n < 128) {
            out.writeByte(n);
        } else {
            out.writeInt(n | 0x80000000);
        }
    }
}
