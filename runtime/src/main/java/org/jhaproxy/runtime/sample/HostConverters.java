package org.jhaproxy.runtime.sample;

/**
 * host_only and port_only (configuration.txt 7.3.1): a Host header value cut at its port. The
 * port is what follows the last ':' unless a ']' comes after it ("[::1]" has none). haproxy
 * does not validate it: each character adds (c - '0') to an unsigned 32-bit number, so
 * "a:x" gives 72 and a port that overflows wraps; host_only lower-cases ASCII letters only.
 */
final class HostConverters {
    private HostConverters() {
    }

    /** The index of the ':' that starts the port, or -1. */
    static int portColon(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char ch = s.charAt(i);
            if (ch == ']') {
                return -1;
            }
            if (ch == ':') {
                return i;
            }
        }
        return -1;
    }

    static String hostOnly(String s) {
        int colon = portColon(s);
        return TextConverters.asciiLower(colon < 0 ? s : s.substring(0, colon));
    }

    static long portOnly(String s) {
        int colon = portColon(s);
        if (colon < 0) {
            return 0;
        }
        int port = 0;
        for (int i = colon + 1; i < s.length(); i++) {
            port = port * 10 + (s.charAt(i) - '0');
        }
        return Integer.toUnsignedLong(port);
    }
}
