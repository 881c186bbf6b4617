package org.jhaproxy.runtime.check;

import java.util.List;

/** The strerror() text haproxy puts in a check's info, found in a Java socket exception. */
final class SocketErrors {
    private static final List<String> KNOWN = List.of("Connection refused", "Connection reset by peer",
            "No route to host", "Network is unreachable", "Connection timed out", "Broken pipe",
            "Permission denied", "Cannot assign requested address");

    private SocketErrors() {
    }

    /** The strerror() text of the failure, or null when it is not a known socket error. */
    static String strerror(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            for (String k : KNOWN) {
                if (m.contains(k)) {
                    return k;
                }
            }
        }
        return null;
    }

    static String strerrorOr(Throwable t, String dflt) {
        String s = strerror(t);
        return s == null ? dflt : s;
    }
}
