package org.jhaproxy.runtime.sample;

import java.net.Inet4Address;
import java.net.InetAddress;

/** ipmask(mask4[, mask6]) of configuration.txt section 7.3.1. */
final class AddressConverters {
    private AddressConverters() {
    }

    static SampleConverter ipmask(String mask4, String mask6) {
        byte[] m4 = mask(mask4, 4);
        byte[] m6 = mask6.isEmpty() ? null : mask(mask6, 16);
        return (in, c) -> {
            InetAddress a = (InetAddress) in.value();
            boolean v4 = a instanceof Inet4Address;
            byte[] m = v4 ? m4 : m6;
            if (m == null) {
                return null;
            }
            byte[] b = a.getAddress();
            for (int i = 0; i < b.length; i++) {
                b[i] &= m[i];
            }
            return Sample.addr(Addresses.of(b));
        };
    }

    /** A prefix length or (IPv4) a dotted mask, as bytes. */
    private static byte[] mask(String text, int len) {
        byte[] out = new byte[len];
        if (text.indexOf('.') >= 0 || text.indexOf(':') >= 0) {
            InetAddress a = Addresses.parse(text);
            return a == null ? out : a.getAddress();
        }
        int bits = Integer.parseInt(text);
        for (int i = 0; i < len; i++) {
            int b = Math.max(0, Math.min(8, bits - 8 * i));
            out[i] = (byte) (0xff00 >> b);
        }
        return out;
    }
}
