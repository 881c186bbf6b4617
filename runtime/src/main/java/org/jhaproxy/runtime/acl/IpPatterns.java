package org.jhaproxy.runtime.acl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.jhaproxy.runtime.sample.Addresses;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;

/**
 * "ip" patterns: addresses or networks "addr/bits" or "addr/dotted-mask" (pat_parse_ip()); an
 * IPv4 sample also matches an IPv4-mapped IPv6 network and the other way round, as haproxy does.
 */
final class IpPatterns {
    private IpPatterns() {
    }

    record Net(byte[] addr, byte[] mask) {
        boolean contains(byte[] a) {
            if (a.length != addr.length) {
                return false;
            }
            for (int i = 0; i < a.length; i++) {
                if ((a[i] & mask[i]) != (addr[i] & mask[i])) {
                    return false;
                }
            }
            return true;
        }

        /** The length of the network's prefix: a longer one wins in a map (longest match). */
        int bits() {
            int n = 0;
            for (byte m : mask) {
                n += Integer.bitCount(m & 0xff);
            }
            return n;
        }
    }

    static PatternMatcher of(List<String> patterns) throws NotSupported {
        Net[] nets = new Net[patterns.size()];
        for (int i = 0; i < nets.length; i++) {
            nets[i] = net(patterns.get(i));
        }
        return s -> {
            InetAddress a = s.asAddress();
            if (a == null) {
                return false;
            }
            byte[] b = a.getAddress();
            byte[] alt = alternate(a);
            for (Net n : nets) {
                if (n.contains(b) || (alt != null && n.contains(alt))) {
                    return true;
                }
            }
            return false;
        };
    }

    /** The same address in the other family: v4-mapped v6 for v4, v4 for a mapped v6. */
    static byte[] alternate(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            byte[] v6 = new byte[16];
            v6[10] = (byte) 0xff;
            v6[11] = (byte) 0xff;
            System.arraycopy(b, 0, v6, 12, 4);
            return v6;
        }
        if (a instanceof Inet6Address) {
            for (int i = 0; i < 10; i++) {
                if (b[i] != 0) {
                    return null;
                }
            }
            if (b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
                return new byte[] {b[12], b[13], b[14], b[15]};
            }
        }
        return null;
    }

    static Net net(String text) throws NotSupported {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        InetAddress a = Addresses.parse(host);
        if (a == null) {
            throw new NotSupported("ACL address '" + text + "' (a host name) is not supported by jhaproxy yet.");
        }
        byte[] addr = a.getAddress();
        byte[] mask = new byte[addr.length];
        if (slash < 0) {
            java.util.Arrays.fill(mask, (byte) 0xff);
        } else {
            String m = text.substring(slash + 1);
            if (m.indexOf('.') >= 0) {
                InetAddress ma = Addresses.parse(m);
                mask = ma == null ? mask : ma.getAddress();
            } else {
                int bits = Integer.parseInt(m);
                for (int i = 0; i < mask.length; i++) {
                    int b = Math.max(0, Math.min(8, bits - 8 * i));
                    mask[i] = (byte) (0xff00 >> b);
                }
            }
        }
        return new Net(addr, mask);
    }
}
