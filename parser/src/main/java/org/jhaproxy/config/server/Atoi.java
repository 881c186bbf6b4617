package org.jhaproxy.config.server;

/** C's atol()/strtol() on configuration words, as the keyword parsers use them. */
final class Atoi {
    private Atoi() {
    }

    /** atol() narrowed to an int like HAProxy's int variables: leading digits, 0 if none. */
    static int atol(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > (1L << 62)) {
                v = 1L << 62;
            }
            i++;
        }
        return (int) (neg ? -v : v);
    }

    /** strtol() consumed the whole word (at least one digit, nothing after). */
    static boolean isStrtolWhole(String s) {
        return s.matches("\\s*[+-]?[0-9]+");
    }
}
