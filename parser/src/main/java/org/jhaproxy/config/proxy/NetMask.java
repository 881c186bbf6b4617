package org.jhaproxy.config.proxy;

/**
 * Accepts what HAProxy's str2net()/str62net() accept for an "except" network: an IPv4 address
 * with an optional /len or dotted mask, or an IPv6 address with an optional /len. (HAProxy
 * would also resolve a host name; without DNS such names are refused here.)
 */
final class NetMask {
    private NetMask() {
    }

    static boolean valid(String s) {
        String addr = s;
        String mask = null;
        int slash = s.indexOf('/');
        if (slash >= 0) {
            addr = s.substring(0, slash);
            mask = s.substring(slash + 1);
        }
        if (isIpv4(addr)) {
            if (mask == null) {
                return true;
            }
            if (isIpv4(mask)) {
                return true;
            }
            return mask.matches("\\d{1,2}") && Integer.parseInt(mask) <= 32;
        }
        if (addr.indexOf(':') >= 0 && isIpv6(addr)) {
            return mask == null || (mask.matches("\\d{1,3}") && Integer.parseInt(mask) <= 128);
        }
        return false;
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String s) {
        try {
            return java.net.InetAddress.getByName(s.startsWith("[") ? s : "[" + s + "]") instanceof java.net.Inet6Address
                    || s.matches("[0-9a-fA-F:.]+");
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
