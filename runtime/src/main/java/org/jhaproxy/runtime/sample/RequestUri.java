package org.jhaproxy.runtime.sample;

/** The parts of a request URI as haproxy's http_parse_path() and the url fetches cut them. */
public final class RequestUri {
    private RequestUri() {
    }

    /** Where the path starts: after "scheme://authority" in an absolute URI; -1 for none ("*"). */
    public static int pathStart(String uri) {
        if (uri.startsWith("/")) {
            return 0;
        }
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return -1;
        }
        int slash = uri.indexOf('/', scheme + 3);
        return slash < 0 ? uri.length() : slash;
    }

    /** The path, without the query string. */
    public static String path(String uri) {
        int start = pathStart(uri);
        if (start < 0) {
            return null;
        }
        int q = uri.indexOf('?', start);
        return uri.substring(start, q < 0 ? uri.length() : q);
    }

    /** The path with its query (http_parse_path()), null without a path ("*", an authority). */
    public static String pathQuery(String uri) {
        int start = pathStart(uri);
        return start < 0 ? null : uri.substring(start);
    }

    /** {@link #pathQuery}, empty without a path: where haproxy reads an absent path as "". */
    public static String pathQueryOrEmpty(String uri) {
        String p = pathQuery(uri);
        return p == null ? "" : p;
    }

    /** What follows the first '?', or null without one. */
    public static String query(String uri) {
        int q = uri.indexOf('?');
        return q < 0 ? null : uri.substring(q + 1);
    }

    /** url_param(name, delim): the value of the first parameter of that name (any name when empty). */
    static String param(String uri, String name, char delim) {
        int q = uri.indexOf('?');
        if (q < 0) {
            return null;
        }
        int i = q + 1;
        while (i <= uri.length()) {
            int end = uri.indexOf(delim, i);
            if (end < 0) {
                end = uri.length();
            }
            int eq = uri.indexOf('=', i);
            if (eq >= 0 && eq < end && (name.isEmpty() || (eq - i == name.length() && uri.startsWith(name, i)))) {
                return uri.substring(eq + 1, end);
            }
            i = end + 1;
        }
        return null;
    }
}
