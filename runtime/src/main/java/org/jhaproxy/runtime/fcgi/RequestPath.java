package org.jhaproxy.runtime.fcgi;

/** The path of a request URI as the FastCGI side decodes it (url_decode()). */
final class RequestPath {
    private RequestPath() {
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
