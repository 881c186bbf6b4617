package org.jhaproxy.runtime.resolvers;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Domain names inside DNS records (RFC 1035 4.1.4): read from a record's data, following
 * compression pointers into the whole message, and kept as haproxy keeps them, the labels each
 * after its length byte, without the final empty label.
 */
final class DnsNames {
    private DnsNames() {
    }

    /**
     * The name starting at {@code at} of {@code message} (indices of the whole message, which
     * netty's record contents share); null when it is malformed or loops.
     */
    static byte[] read(ByteBuf message, int at) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = at;
        for (int jumps = 0; jumps <= 100; ) {
            if (i >= message.capacity()) {
                return null;
            }
            int len = message.getUnsignedByte(i);
            if ((len & 0xC0) == 0xC0) {
                if (i + 1 >= message.capacity()) {
                    return null;
                }
                int target = (len & 0x3F) << 8 | message.getUnsignedByte(i + 1);
                if (target >= i) {
                    return null;
                }
                i = target;
                jumps++;
                continue;
            }
            if (len == 0) {
                return out.size() == 0 ? null : out.toByteArray();
            }
            if (i + len >= message.capacity() || out.size() + len + 1 > 255) {
                return null;
            }
            for (int k = 0; k <= len; k++) {
                out.write(message.getByte(i + k));
            }
            i += len + 1;
        }
        return null;
    }

    /** The labels of a domain name as netty spells it ("a1.test." or "a1.test"). */
    static byte[] labels(String dotted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String l : dotted.split("\\.")) {
            if (!l.isEmpty()) {
                byte[] b = l.getBytes(StandardCharsets.ISO_8859_1);
                out.write(b.length);
                out.write(b, 0, b.length);
            }
        }
        return out.toByteArray();
    }

    /** resolv_dn_label_to_str(): "a1.test" for the labels of a1.test. */
    static String text(byte[] labels) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < labels.length) {
            int len = labels[i] & 0xFF;
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(new String(labels, i + 1, Math.min(len, labels.length - i - 1), StandardCharsets.ISO_8859_1));
            i += len + 1;
        }
        return sb.toString();
    }
}
