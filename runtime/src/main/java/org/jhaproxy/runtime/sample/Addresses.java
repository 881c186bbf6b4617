package org.jhaproxy.runtime.sample;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Literal IPv4/IPv6 addresses only: never a name lookup, which would block an event loop. */
public final class Addresses {
    private Addresses() {
    }

    /** Compiled once: the fetches (hdr_ip) and map outputs parse addresses per request. */
    private static final java.util.regex.Pattern IPV6_CHARS = java.util.regex.Pattern.compile("[0-9a-fA-F:.]+");
    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    /** The address written literally in {@code s}, or null. */
    public static InetAddress parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') >= 0) {
            if (!IPV6_CHARS.matcher(s).matches()) {
                return null;
            }
        } else if (!IPV4.matcher(s).matches()) {
            return null;
        } else {
            for (String p : s.split("\\.")) {
                if (Integer.parseInt(p) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static InetAddress of(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * The address as inet_ntop() writes it, as haproxy logs and forwards it: dotted IPv4, and
     * IPv6 in its compressed form ("::1", "2001:db8::8:800:200c:417a", "::ffff:10.0.0.1").
     */
    public static String text(InetAddress a) {
        byte[] b = a.getAddress();
        if (b.length == 4) {
            return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
        }
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = ((b[2 * i] & 255) << 8) | (b[2 * i + 1] & 255);
        }
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            return "::ffff:" + (b[12] & 255) + "." + (b[13] & 255) + "." + (b[14] & 255) + "." + (b[15] & 255);
        }
        int best = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                best = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == best) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }
}
