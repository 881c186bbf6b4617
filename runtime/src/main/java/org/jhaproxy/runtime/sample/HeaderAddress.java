package org.jhaproxy.runtime.sample;

import java.net.InetAddress;

/**
 * A header value read as an address, as hdr_ip() does: a dotted IPv4 address, alone or followed
 * by ":port" (0 to 65535), else an IPv6 address; anything else is no address.
 */
final class HeaderAddress {
    private HeaderAddress() {
    }

    static Sample of(String v) {
        int len = ipv4Length(v);
        if (len > 0 && (len == v.length() || (v.charAt(len) == ':' && isPort(v.substring(len + 1))))) {
            return Sample.addr(Addresses.parse(v.substring(0, len)));
        }
        if (v.indexOf(':') >= 0 && v.chars().allMatch(ch -> Character.digit(ch, 16) >= 0 || ch == ':' || ch == '.')) {
            InetAddress a = Addresses.parse(v);
            if (a != null) {
                return new Sample(org.jhaproxy.config.sample.SampleType.IPV6, a);
            }
        }
        return null;
    }

    /** url2ipv4(): how many characters four dotted octets take at the start, 0 if they are not there. */
    private static int ipv4Length(String v) {
        int octets = 0;
        int cur = 0;
        boolean digit = false;
        int i = 0;
        for (; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch >= '0' && ch <= '9') {
                cur = cur * 10 + (ch - '0');
                if (cur > 255) {
                    return 0;
                }
                if (!digit) {
                    if (++octets > 4) {
                        return 0;
                    }
                    digit = true;
                }
            } else if (ch == '.') {
                if (!digit || octets == 4) {
                    return 0;
                }
                cur = 0;
                digit = false;
            } else {
                break;
            }
        }
        return octets < 4 ? 0 : i;
    }

    private static boolean isPort(String s) {
        if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return false;
        }
        return Integer.parseInt(s) <= 65535;
    }
}
