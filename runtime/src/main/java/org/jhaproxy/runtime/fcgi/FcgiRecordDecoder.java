package org.jhaproxy.runtime.fcgi;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.DecoderException;
import java.util.List;

/**
 * The bytes of a FastCGI application cut into records: a record is passed on once its content
 * and padding are all received (the padding is dropped). A version other than 1 is a protocol
 * error that ends the connection.
 */
final class FcgiRecordDecoder extends ByteToMessageDecoder {
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= FcgiRecord.HEADER_SIZE) {
            int at = in.readerIndex();
            int version = in.getUnsignedByte(at);
            if (version != 1) {
                in.skipBytes(in.readableBytes());
                throw new DecoderException("FastCGI record of version " + version);
            }
            int type = in.getUnsignedByte(at + 1);
            int id = in.getUnsignedShort(at + 2);
            int length = in.getUnsignedShort(at + 4);
            int padding = in.getUnsignedByte(at + 6);
            if (in.readableBytes() < FcgiRecord.HEADER_SIZE + length + padding) {
                return;
            }
            in.skipBytes(FcgiRecord.HEADER_SIZE);
            out.add(new FcgiRecord(type, id, in.readRetainedSlice(length)));
            in.skipBytes(padding);
        }
    }
}
