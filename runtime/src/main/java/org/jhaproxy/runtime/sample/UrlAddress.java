package org.jhaproxy.runtime.sample;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;

/**
 * url_ip and url_port (manual 7.3.6): the IPv4 address and port written in an absolute request
 * URI ("GET http://10.0.0.1:8080/ HTTP/1.1", what a client sends to a forward proxy), as
 * url2sa() reads them at run time: an "http" or "https" scheme before "://", then a numeric IPv4
 * address (a name is not resolved once started; an IPv6 one gives no sample), then an optional
 * ":port", 80 or 443 by default.
 */
final class UrlAddress {
    private UrlAddress() {
    }

    static void register(Map<String, Fetches.Factory> m) {
        m.put("url_ip", (a, s) -> c -> {
            InetSocketAddress at = c.request() == null ? null : parse(c.request().uri());
            return at == null ? null : Sample.addr(at.getAddress());
        });
        m.put("url_port", (a, s) -> c -> {
            InetSocketAddress at = c.request() == null ? null : parse(c.request().uri());
            return at == null ? null : Sample.sint(at.getPort());
        });
    }

    /** The IPv4 address and port of an absolute URI, or null. */
    static InetSocketAddress parse(String uri) {
        int sep = uri.indexOf("://");
        if (sep < 0) {
            return null;
        }
        String scheme = uri.substring(0, sep).toLowerCase(Locale.ROOT);
        int port = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
        if (port < 0) {
            return null;
        }
        int i = sep + 3;
        int start = i;
        int octets = 0;
        int value = -1;
        byte[] ip = new byte[4];
        // url2ipv4(): digits and dots, four octets of at most 255, up to the first other character
        for (; i < uri.length(); i++) {
            char ch = uri.charAt(i);
            if (ch >= '0' && ch <= '9') {
                if (value < 0) {
                    if (++octets > 4) {
                        return null;
                    }
                    value = 0;
                }
                value = value * 10 + (ch - '0');
                if (value > 255) {
                    return null;
                }
                ip[octets - 1] = (byte) value;
            } else if (ch == '.' && value >= 0) {
                if (octets == 4) {
                    return null;
                }
                value = -1;
            } else if (ch == '.' || i == start) {
                return null;
            } else {
                break;
            }
        }
        if (octets < 4 || value < 0) {
            return null;
        }
        if (i < uri.length() && uri.charAt(i) == ':') {
            long p = 0;
            for (i++; i < uri.length() && Character.isDigit(uri.charAt(i)); i++) {
                p = p * 10 + (uri.charAt(i) - '0');
            }
            port = (int) (p & 0xffff);
        }
        return new InetSocketAddress(Addresses.of(ip), port);
    }
}
