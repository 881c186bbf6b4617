package org.jhaproxy.runtime.sample;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.jhaproxy.config.sample.SampleType;

/**
 * One sample value between a fetch, its converters and a matcher (HAProxy's struct sample): its
 * type and its value, a Boolean, Long, InetAddress, String (STR, METH) or byte[] (BIN). The
 * casts follow sample.c's sample_casts table.
 */
public record Sample(SampleType type, Object value) {
    public static final Sample TRUE = new Sample(SampleType.BOOL, Boolean.TRUE);
    public static final Sample FALSE = new Sample(SampleType.BOOL, Boolean.FALSE);

    public static Sample str(String s) {
        return new Sample(SampleType.STR, s);
    }

    public static Sample sint(long v) {
        return new Sample(SampleType.SINT, v);
    }

    public static Sample bool(boolean b) {
        return b ? TRUE : FALSE;
    }

    public static Sample addr(InetAddress a) {
        return new Sample(a instanceof Inet4Address ? SampleType.IPV4 : SampleType.IPV6, a);
    }

    public static Sample bin(byte[] b) {
        return new Sample(SampleType.BIN, b);
    }

    public boolean isString() {
        return type == SampleType.STR || type == SampleType.METH;
    }

    /** The sample as text (c_int2str, c_ip2str, c_bin2str...): null when it cannot be cast. */
    public String asString() {
        return switch (type) {
            case STR, METH -> (String) value;
            case SINT -> Long.toString((Long) value);
            case BOOL -> (Boolean) value ? "1" : "0";
            case IPV4, IPV6, ADDR -> Addresses.text((InetAddress) value);
            case BIN -> binToString((byte[]) value);
            default -> null;
        };
    }

    /** c_bin2str(): the bytes up to the first NUL, as text. */
    private static String binToString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) {
            n++;
        }
        return new String(b, 0, n, StandardCharsets.ISO_8859_1);
    }

    /** The sample as an integer (c_str2int reads leading digits only): null when it cannot be cast. */
    public Long asLong() {
        return switch (type) {
            case SINT -> (Long) value;
            case BOOL -> (Boolean) value ? 1L : 0L;
            case STR, METH -> parseLeadingInt((String) value);
            case IPV4 -> Integer.toUnsignedLong(ipv4((InetAddress) value));
            default -> null;
        };
    }

    /** The sample as a boolean (c_int2bool, c_str2int then != 0). */
    public boolean asBool() {
        if (type == SampleType.BOOL) {
            return (Boolean) value;
        }
        Long l = asLong();
        return l != null && l != 0;
    }

    /** The sample as an address (c_str2addr): null when it is not one. */
    public InetAddress asAddress() {
        if (value instanceof InetAddress a) {
            return a;
        }
        if (isString()) {
            return Addresses.parse((String) value);
        }
        if (type == SampleType.SINT) {
            long v = (Long) value;
            byte[] b = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
            return Addresses.of(b);
        }
        return null;
    }

    public byte[] asBytes() {
        if (type == SampleType.BIN) {
            return (byte[]) value;
        }
        String s = asString();
        return s == null ? null : s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static int ipv4(InetAddress a) {
        byte[] b = a.getAddress();
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    /** c_str2int(): an optional '-', then digits; anything else makes the cast fail. */
    static Long parseLeadingInt(String s) {
        int i = 0;
        boolean neg = false;
        if (!s.isEmpty() && s.charAt(0) == '-') {
            neg = true;
            i++;
        }
        if (i >= s.length()) {
            return null;
        }
        long v = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return neg ? -v : v;
    }
}
