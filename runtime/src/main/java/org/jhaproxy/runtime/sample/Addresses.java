package org.jhaproxy.runtime.sample;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Literal IPv4/IPv6 addresses only: never a name lookup, which would block an event loop. */
public final class Addresses {
    private Addresses() {
    }

    /** The address written literally in {@code s}, or null. */
    public static InetAddress parse(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') >= 0) {
            if (!s.matches("[0-9a-fA-F:.]+")) {
                return null;
            }
        } else if (!s.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
            return null;
        } else {
            for (String p : s.split("\\.")) {
                if (Integer.parseInt(p) > 255) {
                    return null;
                }
            }
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    static InetAddress of(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
