package org.jhaproxy.runtime.logfwd;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The framing of syslog over a stream (RFC 6587, syslog_io_handler()): a message starting with
 * "&lt;" ends at LF (a CR before it dropped, "non-transparent framing"); one starting with a
 * digit 1-9 is "LEN MSG" ("octet counting"). Anything else, or a message larger than a buffer,
 * closes the connection, as haproxy does. Emits each message as an ISO-8859-1 string.
 */
final class SyslogFrameDecoder extends ByteToMessageDecoder {
    private final int bufSize;

    SyslogFrameDecoder(int bufSize) {
        this.bufSize = bufSize;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.isReadable()) {
            byte first = in.getByte(in.readerIndex());
            if (first == '<') {
                int lf = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
                if (lf < 0) {
                    if (in.readableBytes() >= bufSize) {
                        fail(ctx, in);
                    }
                    return;
                }
                int end = lf;
                if (end > in.readerIndex() && in.getByte(end - 1) == '\r') {
                    end--;
                }
                out.add(in.toString(in.readerIndex(), end - in.readerIndex(), StandardCharsets.ISO_8859_1));
                in.readerIndex(lf + 1);
            } else if (first >= '1' && first <= '9') {
                int space = in.indexOf(in.readerIndex(), Math.min(in.writerIndex(), in.readerIndex() + bufSize), (byte) ' ');
                if (space < 0) {
                    if (in.readableBytes() >= bufSize) {
                        fail(ctx, in);
                    }
                    return;
                }
                long len = 0;
                for (int i = in.readerIndex(); i < space; i++) {
                    byte c = in.getByte(i);
                    if (c < '0' || c > '9' || len > bufSize) {
                        fail(ctx, in);
                        return;
                    }
                    len = len * 10 + (c - '0');
                }
                if (len > bufSize) {
                    fail(ctx, in);
                    return;
                }
                if (in.writerIndex() - (space + 1) < len) {
                    return;
                }
                out.add(in.toString(space + 1, (int) len, StandardCharsets.ISO_8859_1));
                in.readerIndex(space + 1 + (int) len);
            } else {
                fail(ctx, in);
                return;
            }
        }
    }

    private static void fail(ChannelHandlerContext ctx, ByteBuf in) {
        in.skipBytes(in.readableBytes());
        ctx.close();
    }
}
