package org.jhaproxy.runtime.fcgi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Records to bytes: the 8-byte header (version 1, type, request id, content length, no padding,
 * as haproxy sends them), then the content as it is.
 */
final class FcgiRecordEncoder extends MessageToMessageEncoder<FcgiRecord> {
    @Override
    protected void encode(ChannelHandlerContext ctx, FcgiRecord r, List<Object> out) {
        ByteBuf header = ctx.alloc().buffer(FcgiRecord.HEADER_SIZE);
        header.writeByte(1).writeByte(r.type()).writeShort(r.requestId()).writeShort(r.content().readableBytes())
                .writeByte(0).writeByte(0);
        out.add(header);
        if (r.content().isReadable()) {
            out.add(r.content().retain());
        }
    }
}
