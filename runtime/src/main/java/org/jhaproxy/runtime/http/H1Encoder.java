package org.jhaproxy.runtime.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The output half of HAProxy's H1 mux (h1_process_mux) for one connection: writes a message
 * head as given (the transaction already shaped it, see {@link MessageHeads}) with its header
 * names in lower case, as HTX holds them, and a
 * chunked body the way haproxy re-chunks it: all the data written since the last flush becomes
 * one chunk, its size in upper-case hex, and trailer names are written in lower case. Other
 * bodies and raw buffers (haproxy's raw error messages) pass through untouched.
 */
final class H1Encoder extends ChannelDuplexHandler {
    private boolean chunked;
    private CompositeByteBuf pendingData;
    private io.netty.handler.codec.http.HttpHeaders pendingTrailers;
    private final List<ChannelPromise> pendingPromises = new ArrayList<>();

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpMessage head) {
            HeadBytes bytes = writeHead(head);
            ByteBuf out = ctx.alloc().buffer(bytes.length());
            bytes.writeTo(out);
            chunked = head.headers().containsValue(HttpHeaderNames.TRANSFER_ENCODING, "chunked", true)
                    && !(head instanceof HttpResponse r && r.status().code() < 200);
            ctx.write(out, msg instanceof HttpContent ? ctx.voidPromise() : promise);
            if (msg instanceof HttpContent c) {
                writeContent(ctx, c, promise);
            }
            return;
        }
        if (msg instanceof HttpContent c) {
            writeContent(ctx, c, promise);
            return;
        }
        ctx.write(msg, promise);
    }

    private void writeContent(ChannelHandlerContext ctx, HttpContent c, ChannelPromise promise) {
        if (!chunked) {
            ctx.write(c.content(), promise);
            return;
        }
        ByteBuf data = c.content();
        if (data.isReadable()) {
            if (pendingData == null) {
                pendingData = ctx.alloc().compositeBuffer();
            }
            pendingData.addComponent(true, data);
        } else {
            data.release();
        }
        if (c instanceof LastHttpContent last) {
            // the buffer is pending (or released) already: only the trailers are kept
            pendingTrailers = last.trailingHeaders();
        }
        pendingPromises.add(promise);
    }

    @Override
    public void flush(ChannelHandlerContext ctx) {
        if (pendingData != null || pendingTrailers != null) {
            ByteBuf out = ctx.alloc().buffer(16);
            if (pendingData != null) {
                out.writeCharSequence(Integer.toHexString(pendingData.readableBytes()).toUpperCase(Locale.ROOT) + "\r\n",
                        StandardCharsets.ISO_8859_1);
            }
            CompositeByteBuf all = ctx.alloc().compositeBuffer();
            all.addComponent(true, out);
            if (pendingData != null) {
                all.addComponent(true, pendingData);
                all.addComponent(true, crlf(ctx));
                pendingData = null;
            }
            if (pendingTrailers != null) {
                ByteBuf end = ctx.alloc().buffer(5);
                end.writeCharSequence("0\r\n", StandardCharsets.ISO_8859_1);
                for (Map.Entry<String, String> t : pendingTrailers) {
                    end.writeCharSequence(t.getKey().toLowerCase(Locale.ROOT) + ": " + t.getValue() + "\r\n", StandardCharsets.ISO_8859_1);
                }
                end.writeCharSequence("\r\n", StandardCharsets.ISO_8859_1);
                all.addComponent(true, end);
                pendingTrailers = null;
                chunked = false;
            }
            List<ChannelPromise> promises = List.copyOf(pendingPromises);
            pendingPromises.clear();
            ctx.write(all).addListener(f -> {
                for (ChannelPromise p : promises) {
                    if (f.isSuccess()) {
                        p.trySuccess();
                    } else {
                        p.tryFailure(f.cause());
                    }
                }
            });
        }
        ctx.flush();
    }

    private static ByteBuf crlf(ChannelHandlerContext ctx) {
        ByteBuf b = ctx.alloc().buffer(2);
        b.writeByte('\r').writeByte('\n');
        return b;
    }

    private static HeadBytes writeHead(HttpMessage head) {
        HeadBytes b = HeadBytes.start();
        if (head instanceof HttpRequest req) {
            b.append(req.method().name()).append(' ').append(req.uri()).append(' ').append(version(req));
        } else {
            HttpResponse res = (HttpResponse) head;
            b.append(version(res)).append(' ').status(res.status().code()).append(' ')
                    .append(res.status().reasonPhrase());
        }
        b.crlf();
        Iterator<Map.Entry<CharSequence, CharSequence>> it = head.headers().iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> h = it.next();
            b.appendLowerCase(h.getKey()).append(':').append(' ').append(h.getValue()).crlf();
        }
        return b.crlf();
    }

    /** HTTP/1.1 and above are written "HTTP/1.1" (HTX_SL_F_VER_11), others as received. */
    private static String version(HttpMessage m) {
        return H1Flags.isVer11(m.protocolVersion()) ? "HTTP/1.1" : m.protocolVersion().text();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (pendingData != null) {
            pendingData.release();
            pendingData = null;
        }
        pendingTrailers = null;
        pendingPromises.clear();
    }
}
