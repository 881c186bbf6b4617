package org.jhaproxy.config.server;

/** C's atol()/strtol() on configuration words, as the keyword parsers use them. */
final class Atoi {
    private Atoi() {
    }

    /**
     * atol() stored in one of HAProxy's int variables: C keeps the low 32 bits, so an
     * overflowing word (LONG_MAX) becomes -1 and 4294967297 becomes 1.
     */
    static int atol(String s) {
        return (int) org.jhaproxy.config.model.ProxyConfig.atol(s);
    }

    /** strtol() consumed the whole word (at least one digit, nothing after). */
    static boolean isStrtolWhole(String s) {
        return s.matches("\\s*[+-]?[0-9]+");
    }
}
