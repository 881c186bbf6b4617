package org.jhaproxy.runtime.fcgi;

/**
 * The path of a request URI as the FastCGI side reads it (http_parse_path() and url_decode()):
 * the path and query of an origin-form or absolute-form URI, then percent-decoded.
 */
final class RequestPath {
    private RequestPath() {
    }

    /** The path with its query: from the first '/' of an origin form, after the authority of an absolute one. */
    static String of(String uri) {
        if (uri.startsWith("/")) {
            return uri;
        }
        if (uri.equals("*")) {
            return uri;
        }
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            // an authority (CONNECT): no path
            return "";
        }
        int slash = uri.indexOf('/', scheme + 3);
        return slash < 0 ? "" : uri.substring(slash);
    }

    /** "%XX" decoded ('+' stays), null when an escape is not two hexadecimal digits. */
    static String decode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder b = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '%') {
                b.append(c);
                continue;
            }
            if (i + 2 >= path.length()) {
                return null;
            }
            int hi = Character.digit(path.charAt(i + 1), 16);
            int lo = Character.digit(path.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            b.append((char) (hi << 4 | lo));
            i += 2;
        }
        return b.toString();
    }
}
