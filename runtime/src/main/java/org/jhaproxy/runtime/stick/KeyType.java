package org.jhaproxy.runtime.stick;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jhaproxy.runtime.sample.Addresses;
import org.jhaproxy.runtime.sample.Sample;

/**
 * The key types of a stick-table ("type ip|ipv6|integer|string|binary"), how a sample becomes a
 * key (smp_to_stkey()), how the CLI names a key, and how "show table" prints one. Keys are kept
 * as the bytes haproxy stores, so entries sort as its trees do (an integer in host order, x86).
 */
public enum KeyType {
    IP("ip", 4), IPV6("ipv6", 16), INTEGER("integer", 4), STRING("string", 32), BINARY("binary", 32);

    private final String keyword;
    private final int defaultSize;

    KeyType(String keyword, int defaultSize) {
        this.keyword = keyword;
        this.defaultSize = defaultSize;
    }

    public String keyword() {
        return keyword;
    }

    int defaultSize() {
        return defaultSize;
    }

    static KeyType of(String word) {
        for (KeyType t : values()) {
            if (t.keyword.equals(word)) {
                return t;
            }
        }
        return null;
    }

    /** The key of a sample for a table of this type and key size, or null when it cannot be one. */
    byte[] key(Sample s, int keySize) {
        switch (this) {
            case IP -> {
                InetAddress a = s.asAddress();
                return a instanceof Inet4Address ? a.getAddress() : null;
            }
            case IPV6 -> {
                InetAddress a = s.asAddress();
                if (a == null) {
                    return null;
                }
                byte[] b = a.getAddress();
                if (b.length == 16) {
                    return b;
                }
                byte[] m = new byte[16];
                m[10] = (byte) 0xff;
                m[11] = (byte) 0xff;
                System.arraycopy(b, 0, m, 12, 4);
                return m;
            }
            case INTEGER -> {
                Long v = s.asLong();
                return v == null ? null : integer(v);
            }
            case STRING -> {
                String v = s.asString();
                if (v == null) {
                    return null;
                }
                byte[] b = v.getBytes(StandardCharsets.ISO_8859_1);
                return b.length > keySize - 1 ? Arrays.copyOf(b, keySize - 1) : b;
            }
            default -> {
                byte[] b = s.asBytes();
                return b == null ? null : Arrays.copyOf(b, keySize);
            }
        }
    }

    /** The key the CLI names ("key 127.0.0.1"), or null when it is not valid for this type. */
    byte[] parse(String text, int keySize) {
        switch (this) {
            case IP -> {
                // inetaddr_host(): an unparsable address is 0.0.0.0
                InetAddress a = Addresses.parse(text);
                return a instanceof Inet4Address ? a.getAddress() : new byte[4];
            }
            case IPV6 -> {
                InetAddress a = text.indexOf(':') >= 0 ? Addresses.parse(text) : null;
                return a == null ? null : key(Sample.addr(a), keySize);
            }
            case INTEGER -> {
                if (text.isEmpty() || !text.chars().allMatch(Character::isDigit) || text.length() > 10
                        || Long.parseLong(text) > 0xffffffffL) {
                    return null;
                }
                return integer(Long.parseLong(text));
            }
            case STRING -> {
                return key(Sample.str(text), keySize);
            }
            default -> {
                return null;
            }
        }
    }

    private static byte[] integer(long v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    /** The key as "show table" prints it after "key=". */
    String text(byte[] k, int keySize) {
        return switch (this) {
            case IP, IPV6 -> ipText(k);
            case INTEGER -> Long.toString((k[0] & 255L) | (k[1] & 255L) << 8 | (k[2] & 255L) << 16 | (k[3] & 255L) << 24);
            case STRING -> dumpText(k);
            case BINARY -> dumpBinary(Arrays.copyOf(k, keySize));
        };
    }

    private static String ipText(byte[] k) {
        if (k.length == 16) {
            // Java would make a v4-mapped address an Inet4Address: print the IPv6 form haproxy does
            try {
                return Addresses.text(java.net.Inet6Address.getByAddress(null, k, -1));
            } catch (java.net.UnknownHostException e) {
                return "";
            }
        }
        try {
            return Addresses.text(InetAddress.getByAddress(k));
        } catch (java.net.UnknownHostException e) {
            return "";
        }
    }

    /** dump_text(): printable ASCII as is; space, '=', '\\' and control characters escaped. */
    private static String dumpText(byte[] k) {
        StringBuilder b = new StringBuilder();
        for (byte x : k) {
            int c = x & 255;
            if (c == 0) {
                break;
            }
            switch (c) {
                case ' ' -> b.append("\\ ");
                case '=' -> b.append("\\=");
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case 0x1b -> b.append("\\e");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        b.append((char) c);
                    } else {
                        b.append("\\x").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
                    }
                }
            }
        }
        return b.toString();
    }

    private static final String HEX = "0123456789ABCDEF";

    private static String dumpBinary(byte[] k) {
        StringBuilder b = new StringBuilder();
        for (byte x : k) {
            b.append(HEX.charAt((x >> 4) & 15)).append(HEX.charAt(x & 15));
        }
        return b.toString();
    }
}
