package org.jhaproxy.runtime.http;

/**
 * The Host header against the authority of an absolute-form URI ("GET http://a.example/x"):
 * haproxy's H1 parser refuses a request whose first Host differs from it (400), the comparison
 * ignoring case, a user-info part of the authority, and the scheme's default port on either side
 * (":80" for http, ":443" for https), as haproxy 2.6.12 does. The authority runs up to the first
 * '/' (a '?' before it is part of it, as http_parse_authority() reads it).
 *
 * <p>A URI that is neither a path nor "*" and has no scheme is an authority, which only a
 * CONNECT may give, with a port; its Host, if any, must name the same host and port (or no port
 * when the authority's is 80 or 443), and loses a default port (h1_validate_connect_authority()
 * of haproxy 2.6.12).
 */
final class HostAuthority {
    private HostAuthority() {
    }

    /** Whether the H1 parser accepts the request's target with its first Host ({@code host}, null without one). */
    static boolean valid(io.netty.handler.codec.http.HttpRequest r, CharSequence host) {
        String uri = r.uri();
        if (uri.isEmpty() || uri.charAt(0) == '/' || uri.equals("*")) {
            return true;
        }
        if (schemeEnd(uri) > 0) {
            return host == null || matches(uri, host.toString());
        }
        if (!r.method().equals(io.netty.handler.codec.http.HttpMethod.CONNECT)) {
            return false;
        }
        int colon = portColon(uri);
        if (colon < 0) {
            return false;
        }
        if (host == null) {
            return true;
        }
        String h = host.toString();
        int hostColon = portColon(h);
        if (hostColon >= 0) {
            return h.substring(0, hostColon).equalsIgnoreCase(uri.substring(0, colon))
                    && h.substring(hostColon).equals(uri.substring(colon));
        }
        return isDefaultPort(uri.substring(colon + 1)) && h.equalsIgnoreCase(uri.substring(0, colon));
    }

    /** Where the scheme's "://" starts (http_parse_scheme(): a letter, then letters, digits, '+', '-', '.'), else -1. */
    private static int schemeEnd(String uri) {
        if (!Character.isLetter(uri.charAt(0)) || uri.charAt(0) > 'z') {
            return -1;
        }
        int i = 1;
        while (i < uri.length()) {
            char c = uri.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                break;
            }
            i++;
        }
        return uri.startsWith("://", i) ? i : -1;
    }

    /** The ':' before a host's port of digits (http_get_host_port()), -1 without one. */
    private static int portColon(String hostPort) {
        int end = hostPort.length();
        int i = end;
        while (i > 0 && Character.isDigit(hostPort.charAt(i - 1)) && hostPort.charAt(i - 1) < 128) {
            i--;
        }
        return i < end && i > 0 && hostPort.charAt(i - 1) == ':' ? i - 1 : -1;
    }

    private static boolean isDefaultPort(String port) {
        return port.equals("80") || port.equals("443");
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
        if (request.method().equals(io.netty.handler.codec.http.HttpMethod.CONNECT)) {
            connectHost(request);
            return;
        }
        if (uri.isEmpty() || uri.charAt(0) == '/' || uri.charAt(0) == '*' || sep <= 0) {
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
        replaceHost(request, host);
    }

    /** Every Host header takes {@code host}, each where it stands (a rare request: the headers are rebuilt). */
    private static void replaceHost(io.netty.handler.codec.http.HttpRequest request, String host) {
        if (request.headers().contains(io.netty.handler.codec.http.HttpHeaderNames.HOST)) {
            java.util.List<java.util.Map.Entry<String, String>> all = request.headers().entries();
            request.headers().clear();
            for (java.util.Map.Entry<String, String> e : all) {
                boolean isHost = e.getKey().equalsIgnoreCase("host");
                request.headers().add(e.getKey(), isHost ? host : e.getValue());
            }
        }
    }

    /** A CONNECT's Host with the authority's default port (80, 443) loses it; the authority keeps it. */
    private static void connectHost(io.netty.handler.codec.http.HttpRequest request) {
        String host = request.headers().get(io.netty.handler.codec.http.HttpHeaderNames.HOST);
        int colon = host == null ? -1 : portColon(host);
        if (colon >= 0 && isDefaultPort(host.substring(colon + 1))) {
            replaceHost(request, host.substring(0, colon));
        }
    }

    private static String withoutPort(String hostPort, String defaultPort) {
        return defaultPort != null && hostPort.endsWith(defaultPort)
                ? hostPort.substring(0, hostPort.length() - defaultPort.length()) : hostPort;
    }
}
