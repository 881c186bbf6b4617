package org.jhaproxy.runtime.http;

/**
 * The Host header against the authority of an absolute-form URI ("GET http://a.example/x"):
 * haproxy's H1 parser refuses a request whose first Host differs from it (400), the comparison
 * ignoring case, a user-info part of the authority, and the scheme's default port on either side
 * (":80" for http, ":443" for https), as haproxy 2.6.12 does. The authority runs up to the first
 * '/' (a '?' before it is part of it, as http_parse_authority() reads it).
 */
final class HostAuthority {
    private HostAuthority() {
    }

    static boolean matches(String uri, String host) {
        int sep = uri.indexOf("://");
        if (uri.startsWith("/") || sep <= 0) {
            // origin-form (or no authority to compare with)
            return true;
        }
        String scheme = uri.substring(0, sep);
        int start = sep + 3;
        int end = uri.indexOf('/', start);
        if (end < 0) {
            end = uri.length();
        }
        int at = uri.lastIndexOf('@', end - 1);
        if (at >= start) {
            start = at + 1;
        }
        String authority = uri.substring(start, end);
        if (authority.isEmpty()) {
            return true;
        }
        String port = scheme.equalsIgnoreCase("http") ? ":80" : scheme.equalsIgnoreCase("https") ? ":443" : null;
        return withoutPort(authority, port).equalsIgnoreCase(withoutPort(host, port));
    }

    /**
     * http_scheme_based_normalize(): an absolute-form URI whose authority gives its scheme's
     * default port loses it, and every Host header takes the authority's host (without user-info
     * or port); the request is rewritten in place, before the rules and the log see it.
     */
    static void normalize(io.netty.handler.codec.http.HttpRequest request) {
        String uri = request.uri();
        int sep = uri.indexOf("://");
        if (uri.isEmpty() || uri.charAt(0) == '/' || uri.charAt(0) == '*' || sep <= 0
                || request.method().equals(io.netty.handler.codec.http.HttpMethod.CONNECT)) {
            return;
        }
        String scheme = uri.substring(0, sep);
        int start = sep + 3;
        int end = uri.indexOf('/', start);
        if (end < 0) {
            end = uri.length();
        }
        int colon = end;
        while (colon > start && Character.isDigit(uri.charAt(colon - 1))) {
            colon--;
        }
        if (colon == end || colon <= start || uri.charAt(colon - 1) != ':') {
            return;
        }
        String port = uri.substring(colon, end);
        boolean isDefault = scheme.equalsIgnoreCase("http") ? port.equals("80")
                : scheme.equalsIgnoreCase("https") && port.equals("443");
        if (!isDefault) {
            return;
        }
        String hostWithInfo = uri.substring(start, colon - 1);
        request.setUri(uri.substring(0, start) + hostWithInfo + uri.substring(end));
        String host = hostWithInfo.substring(hostWithInfo.lastIndexOf('@') + 1);
        if (request.headers().contains(io.netty.handler.codec.http.HttpHeaderNames.HOST)) {
            // each value replaced where it stands (a rare request: the headers are rebuilt)
            java.util.List<java.util.Map.Entry<String, String>> all = request.headers().entries();
            request.headers().clear();
            for (java.util.Map.Entry<String, String> e : all) {
                boolean isHost = e.getKey().equalsIgnoreCase("host");
                request.headers().add(e.getKey(), isHost ? host : e.getValue());
            }
        }
    }

    private static String withoutPort(String hostPort, String defaultPort) {
        return defaultPort != null && hostPort.endsWith(defaultPort)
                ? hostPort.substring(0, hostPort.length() - defaultPort.length()) : hostPort;
    }
}
