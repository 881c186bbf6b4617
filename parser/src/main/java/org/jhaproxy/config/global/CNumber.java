package org.jhaproxy.config.global;

/**
 * The C library's lenient number readers HAProxy's parsers use (atol, atoi, strtol): leading
 * blanks and a sign are accepted, reading stops at the first non-digit, and garbage gives 0.
 * HAProxy's results on odd input ("maxconn 10k" is 10) follow from these rules.
 */
public final class CNumber {
    private CNumber() {
    }

    /** atol() on a 64-bit long, saturating like glibc's strtol. */
    public static long atol(String s) {
        return strtol(s, 10);
    }

    /** atoi(): atol() truncated to 32 bits as glibc does. */
    public static int atoi(String s) {
        return (int) atol(s);
    }

    public static long strtol(String s, int base) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        if (base == 16 && i + 1 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')) {
            i += 2;
        }
        long v = 0;
        boolean overflow = false;
        for (; i < n; i++) {
            int d = Character.digit(s.charAt(i), base);
            if (d < 0) {
                break;
            }
            if (v > (Long.MAX_VALUE - d) / base) {
                overflow = true;
            } else {
                v = v * base + d;
            }
        }
        if (overflow) {
            return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return neg ? -v : v;
    }

    /**
     * strl2irc(): a strict integer (optional '-', digits only) into an int; null when the text
     * is not such a number.
     */
    public static Integer strictInt(String s) {
        if (s.isEmpty()) {
            return null;
        }
        int i = 0;
        boolean neg = false;
        if (s.charAt(0) == '-') {
            neg = true;
            i = 1;
        }
        long v = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
            if (v > 0x80000000L) {
                return null;
            }
        }
        v = neg ? -v : v;
        if (v > Integer.MAX_VALUE) {
            return null;
        }
        return (int) v;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
    }
}
