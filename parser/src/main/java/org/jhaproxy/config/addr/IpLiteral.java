package org.jhaproxy.config.addr;

/**
 * Numeric IP addresses as libc reads them: inet_pton() (strict dotted quad, RFC 4291 IPv6 text)
 * and inet_aton() (the historical forms getaddrinfo()/gethostbyname() also accept: "127.1",
 * "0x7f.0.0.1", "2130706433"), and inet_ntop()'s text for the result. Never touches DNS.
 */
public final class IpLiteral {
    private IpLiteral() {
    }

    /** inet_pton(AF_INET): four decimal octets, no leading zeros; null if not one. */
    public static byte[] parseIpv4(String s) {
        byte[] out = new byte[4];
        int octets = 0;
        int val = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                if (val == 0) {
                    return null; // leading zero
                }
                val = (val < 0 ? 0 : val * 10) + (c - '0');
                if (val > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (val < 0 || octets == 3) {
                    return null;
                }
                out[octets++] = (byte) val;
                val = -1;
            } else {
                return null;
            }
        }
        if (val < 0 || octets != 3) {
            return null;
        }
        out[3] = (byte) val;
        return out;
    }

    /** inet_pton(AF_INET6), with "::" compression and a trailing dotted quad; null if not one. */
    public static byte[] parseIpv6(String s) {
        if (s.isEmpty()) {
            return null;
        }
        byte[] out = new byte[16];
        int pos = 0;
        int gap = -1;
        int i = 0;
        int n = s.length();
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
            if (i == n) {
                return out;
            }
        } else if (s.charAt(0) == ':') {
            return null;
        }
        while (i < n) {
            int start = i;
            int val = 0;
            int digits = 0;
            while (i < n && Character.digit(s.charAt(i), 16) >= 0 && isHex(s.charAt(i))) {
                val = (val << 4) | Character.digit(s.charAt(i), 16);
                if (++digits > 4) {
                    return null;
                }
                i++;
            }
            if (i < n && s.charAt(i) == '.') {
                // trailing IPv4 part
                byte[] v4 = parseIpv4(s.substring(start));
                if (v4 == null || pos + 4 > 16) {
                    return null;
                }
                System.arraycopy(v4, 0, out, pos, 4);
                pos += 4;
                i = n;
                break;
            }
            if (digits == 0) {
                return null;
            }
            if (pos + 2 > 16) {
                return null;
            }
            out[pos++] = (byte) (val >> 8);
            out[pos++] = (byte) val;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < n && s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = pos;
                i++;
                if (i == n) {
                    break;
                }
            } else if (i == n) {
                return null; // trailing single colon
            }
        }
        if (gap >= 0) {
            if (pos == 16) {
                return null;
            }
            int tail = pos - gap;
            byte[] res = new byte[16];
            System.arraycopy(out, 0, res, 0, gap);
            System.arraycopy(out, gap, res, 16 - tail, tail);
            return res;
        }
        return pos == 16 ? out : null;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** inet_aton(): 1 to 4 parts in decimal, octal (0...) or hex (0x...); the last fills the rest. */
    public static byte[] parseInetAton(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length > 4) {
            return null;
        }
        long[] v = new long[parts.length];
        for (int k = 0; k < parts.length; k++) {
            Long x = atonPart(parts[k]);
            if (x == null) {
                return null;
            }
            v[k] = x;
        }
        long addr;
        int last = parts.length - 1;
        long maxLast = switch (parts.length) {
            case 1 -> 0xffffffffL;
            case 2 -> 0xffffffL;
            case 3 -> 0xffffL;
            default -> 0xffL;
        };
        if (v[last] > maxLast) {
            return null;
        }
        for (int k = 0; k < last; k++) {
            if (v[k] > 0xff) {
                return null;
            }
        }
        addr = switch (parts.length) {
            case 1 -> v[0];
            case 2 -> (v[0] << 24) | v[1];
            case 3 -> (v[0] << 24) | (v[1] << 16) | v[2];
            default -> (v[0] << 24) | (v[1] << 16) | (v[2] << 8) | v[3];
        };
        return new byte[] {(byte) (addr >> 24), (byte) (addr >> 16), (byte) (addr >> 8), (byte) addr};
    }

    private static Long atonPart(String p) {
        if (p.isEmpty()) {
            return null;
        }
        int radix = 10;
        String digits = p;
        if (p.startsWith("0x") || p.startsWith("0X")) {
            radix = 16;
            digits = p.substring(2);
            if (digits.isEmpty()) {
                return 0L; // "0x" alone reads as zero in glibc
            }
        } else if (p.length() > 1 && p.charAt(0) == '0') {
            radix = 8;
            digits = p.substring(1);
        }
        long val = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), radix);
            if (d < 0 || (radix == 16 && !isHex(digits.charAt(i)))) {
                return null;
            }
            val = val * radix + d;
            if (val > 0xffffffffL) {
                return null;
            }
        }
        return val;
    }

    /** inet_ntop(): dotted quad, or RFC 5952 IPv6 text (longest zero run compressed, IPv4-mapped kept dotted). */
    public static String format(byte[] a) {
        if (a.length == 4) {
            return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
        }
        int[] w = new int[8];
        for (int k = 0; k < 8; k++) {
            w[k] = ((a[2 * k] & 0xff) << 8) | (a[2 * k + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 0;
        for (int k = 0; k < 8; ) {
            if (w[k] == 0) {
                int j = k;
                while (j < 8 && w[j] == 0) {
                    j++;
                }
                if (j - k > bestLen) {
                    bestLen = j - k;
                    bestStart = k;
                }
                k = j;
            } else {
                k++;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        if (bestStart == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
            return (bestLen == 5 ? "::ffff:" : "::") + format(java.util.Arrays.copyOfRange(a, 12, 16));
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 8; k++) {
            if (k == bestStart) {
                sb.append("::");
                k += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(w[k]));
        }
        return sb.toString();
    }
}
