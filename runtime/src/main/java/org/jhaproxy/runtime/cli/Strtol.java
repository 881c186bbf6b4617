package org.jhaproxy.runtime.cli;

/**
 * A number read as C's strtol(text, &end, 10) reads it, which the CLI's parsers use: leading
 * blanks, a sign, digits; {@code end} is 0 when no digit was read, else the index after them.
 * atoi() is the same value with the end ignored.
 */
record Strtol(long value, int end) {
    static Strtol of(String text) {
        int n = text.length();
        int sign = signStart(text);
        boolean negative = sign < 0;
        int i = Math.abs(sign) - 1;
        int digits = i;
        long v = 0;
        while (i < n && Character.isDigit(text.charAt(i))) {
            v = Math.min(v * 10 + (text.charAt(i) - '0'), Long.MAX_VALUE / 10);
            i++;
        }
        if (i == digits) {
            return new Strtol(0, 0);
        }
        return new Strtol(negative ? -v : v, i);
    }

    /** atoi(): the value as an int, overflow aside. */
    static int atoi(String text) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, of(text).value()));
    }

    /**
     * strtoul(text, NULL, 0), as "show sess" and "shutdown session" read a stream's address:
     * "0x" for hexadecimal, a leading 0 for octal, else decimal; 0 when no digit is read, and
     * -1 (ULONG_MAX) for a negative or too large number, which names no stream.
     */
    static long unsignedPrefix(String text) {
        int n = text.length();
        int sign = signStart(text);
        boolean negative = sign < 0;
        int i = Math.abs(sign) - 1;
        int radix = 10;
        if (i + 1 < n && text.charAt(i) == '0' && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
                && i + 2 < n && Character.digit(text.charAt(i + 2), 16) >= 0) {
            radix = 16;
            i += 2;
        } else if (i < n && text.charAt(i) == '0') {
            radix = 8;
        }
        java.math.BigInteger v = java.math.BigInteger.ZERO;
        boolean any = false;
        while (i < n && Character.digit(text.charAt(i), radix) >= 0) {
            v = v.multiply(java.math.BigInteger.valueOf(radix)).add(java.math.BigInteger.valueOf(Character.digit(text.charAt(i), radix)));
            any = true;
            i++;
        }
        if (!any || v.signum() == 0) {
            return 0;
        }
        return negative || v.bitLength() > 63 ? -1 : v.longValue();
    }

    /**
     * Where the digits start once the leading blanks and the sign are read, plus one, negated
     * for a '-' sign (so that a start at 0 keeps its sign).
     */
    private static int signStart(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        return negative ? -(i + 1) : i + 1;
    }
}
