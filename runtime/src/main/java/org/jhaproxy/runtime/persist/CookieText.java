package org.jhaproxy.runtime.persist;

/**
 * The lexical rules the cookie analysers share (RFC 2965 as haproxy reads it): spaces, the end
 * of a value respecting quotes, and how one cookie is cut out of a header value so that the
 * rest stays well delimited.
 */
final class CookieText {
    private CookieText() {
    }

    static boolean spht(char c) {
        return c == ' ' || c == '\t';
    }

    /** The end of a cookie value starting at {@code s}: the first unquoted ';' or ','. */
    static int valueEnd(CharSequence b, int s, int e) {
        return unquotedEnd(b, s, e, true);
    }

    /** The end of a header value (a Set-Cookie2 element): the first unquoted ','. */
    static int elementEnd(CharSequence b, int s, int e) {
        return unquotedEnd(b, s, e, false);
    }

    /** The first ',' (or ';' when {@code semicolon}) outside a quoted string, from {@code s}; {@code e} if none. */
    private static int unquotedEnd(CharSequence b, int s, int e, boolean semicolon) {
        boolean quoted = false;
        boolean pair = false;
        for (; s < e; s++) {
            char c = b.charAt(s);
            if (pair) {
                pair = false;
            } else if (quoted) {
                if (c == '\\') {
                    pair = true;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || (semicolon && c == ';')) {
                return s;
            }
        }
        return s;
    }

    /**
     * Removes the cookie between {@code from[0]} (its delimiter, or the start) and {@code next}
     * (the following delimiter, or the end) from {@code b}: a first cookie takes the following
     * delimiter and spaces with it; a later one leaves its delimiter followed by one space
     * (when there is room) before what follows. {@code from[0]} is moved to where the removal
     * starts; returns the (negative) change of length.
     */
    static int remove(StringBuilder b, int[] from, int next) {
        int end = b.length();
        int prev = from[0];
        if (prev == 0) {
            if (next < end) {
                next++;
            }
            while (next < end && spht(b.charAt(next))) {
                next++;
            }
        } else {
            while (spht(b.charAt(prev - 1))) {
                prev--;
            }
            from[0] = prev;
            if (next < end) {
                b.setCharAt(prev++, b.charAt(next++));
                if (prev + 1 < next) {
                    b.setCharAt(prev++, ' ');
                }
                while (next < end && spht(b.charAt(next))) {
                    next++;
                }
            }
        }
        b.delete(prev, next);
        return prev - next;
    }

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** A date in 4-second units as the 5 characters of a cookie date field (s30tob64()). */
    static String date(long quarterSeconds) {
        int in = (int) quarterSeconds;
        char[] out = new char[5];
        for (int i = 0; i < 5; i++) {
            out[i] = B64.charAt((in >> 24) & 0x3F);
            in <<= 6;
        }
        return new String(out);
    }

    /** The 30-bit value of 5 date characters (b64tos30()), negative if one is not base64. */
    static int date(CharSequence s, int at) {
        int out = 0;
        for (int i = 0; i < 5; i++) {
            int v = B64.indexOf(s.charAt(at + i));
            if (v < 0) {
                return -1;
            }
            out = (out << 6) + v;
        }
        return out;
    }
}
