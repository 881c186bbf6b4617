package org.jhaproxy.runtime.proxyprotocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a PROXY protocol version 2 header with TLVs (Netty's encoder writes none of
 * haproxy's): signature, PROXY (or LOCAL without both addresses) command, family, length,
 * addresses (IPv4 pair, else IPv6 with an IPv4 address mapped into ::ffff:0:0/96), then the
 * TLVs. With "crc32c" the CRC32C TLV comes first and holds the checksum of the whole header
 * computed with that field zeroed.
 */
final class ProxyV2Header {
    private static final byte[] SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final int FIXED = 16;

    private ProxyV2Header() {
    }

    static ByteBuf encode(SendProxy.Header h, ByteBufAllocator alloc) {
        ByteBuf b = alloc.buffer(FIXED + 36 + 7 + h.tlvs().length());
        b.writeBytes(SIGNATURE);
        if (h.src() == null || h.dst() == null) {
            b.writeByte(0x20).writeByte(0x00).writeShort(0);
        } else if (h.src().getAddress() instanceof Inet4Address && h.dst().getAddress() instanceof Inet4Address) {
            b.writeByte(0x21).writeByte(0x11).writeShort(0);
            b.writeBytes(h.src().getAddress().getAddress()).writeBytes(h.dst().getAddress().getAddress());
            b.writeShort(h.src().getPort()).writeShort(h.dst().getPort());
        } else {
            b.writeByte(0x21).writeByte(0x21).writeShort(0);
            b.writeBytes(v6(h.src())).writeBytes(v6(h.dst()));
            b.writeShort(h.src().getPort()).writeShort(h.dst().getPort());
        }
        int crcAt = -1;
        if (h.crc32c()) {
            b.writeByte(ProxyV2Options.TYPE_CRC32C).writeShort(4);
            crcAt = b.writerIndex();
            b.writeInt(0);
        }
        b.writeBytes(h.tlvs().getBytes(StandardCharsets.ISO_8859_1));
        b.setShort(14, b.readableBytes() - FIXED);
        if (crcAt >= 0) {
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(b.nioBuffer(0, b.readableBytes()));
            b.setInt(crcAt, (int) crc.getValue());
        }
        return b;
    }

    private static byte[] v6(InetSocketAddress a) {
        byte[] ip = a.getAddress().getAddress();
        if (ip.length == 16) {
            return ip;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ip, 0, mapped, 12, 4);
        return mapped;
    }
}
