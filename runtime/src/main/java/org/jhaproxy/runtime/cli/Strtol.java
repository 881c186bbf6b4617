package org.jhaproxy.runtime.cli;

/**
 * A number read as C's strtol(text, &end, 10) reads it, which the CLI's parsers use: leading
 * blanks, a sign, digits; {@code end} is 0 when no digit was read, else the index after them.
 * atoi() is the same value with the end ignored.
 */
record Strtol(long value, int end) {
    static Strtol of(String text) {
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
}
