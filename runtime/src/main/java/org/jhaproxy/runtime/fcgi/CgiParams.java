package org.jhaproxy.runtime.fcgi;

import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The PARAMS of one request, in haproxy's order (the FCGI filter and fcgi_strm_send_params()):
 * the request headers the application does not hide, as HTTP_* (CONTENT_LENGTH and CONTENT_TYPE
 * by their CGI names), then the "set-param" values sorted by name, then the CGI variables none
 * of those set (RFC 3875 section 4.1): GATEWAY_INTERFACE, DOCUMENT_ROOT, SCRIPT_NAME, PATH_INFO,
 * REQUEST_URI, REQUEST_METHOD, QUERY_STRING, SERVER_NAME, SERVER_PORT, SERVER_PROTOCOL,
 * REMOTE_ADDR, REMOTE_PORT, SCRIPT_FILENAME, PATH_TRANSLATED, CONTENT_LENGTH, SERVER_SOFTWARE,
 * HTTPS. An empty value is never sent. Names are sent upper case, as the encoder writes them.
 */
final class CgiParams {
    /** A name and its value (strings of bytes: one char a byte). */
    record Param(String name, String value) {
    }

    private final List<Param> out = new ArrayList<>();
    /** The defaults a "set-param" of the same name replaced. */
    private final java.util.Set<String> set = new java.util.HashSet<>();
    private String docroot;
    private String scriptName;
    private String pathInfo;
    private String uri;
    private String serverName = "";

    private CgiParams() {
    }

    /** The params of {@code head}, or null when its path cannot give a script name (a processing error). */
    static List<Param> of(HttpRequest head, FcgiApp app, SampleContext samples, long bodyLength, boolean https) {
        CgiParams p = new CgiParams();
        p.docroot = app.docroot();
        p.uri = head.uri();
        for (Map.Entry<String, String> h : head.headers()) {
            p.header(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), app);
        }
        for (Map.Entry<String, String> e : app.params(samples).entrySet()) {
            p.special(e.getKey(), e.getValue());
            p.out.add(new Param(e.getKey(), e.getValue()));
        }
        return p.defaults(head, app, samples, bodyLength, https) ? p.out : null;
    }

    private void header(String name, String value, FcgiApp app) {
        if (app.hides(name)) {
            return;
        }
        switch (name) {
            case "content-length" -> {
                set.add("content_length");
                out.add(new Param("CONTENT_LENGTH", value));
            }
            case "content-type" -> out.add(new Param("CONTENT_TYPE", value));
            case "te" -> {
                // "te" only ever goes with "trailers" (as HTTP/2 allows it)
                int at = value.indexOf("trailers");
                if (at >= 0 && (value.length() <= at + 8 || value.charAt(at + 8) == ',')) {
                    out.add(new Param("http_te", "trailers"));
                }
            }
            default -> {
                if (name.equals("host")) {
                    serverName = value;
                }
                out.add(new Param("http_" + name, value));
            }
        }
    }

    /** A "set-param" of a CGI variable haproxy computes: that variable is the one set. */
    private void special(String name, String value) {
        switch (name) {
            case "document_root" -> docroot = value;
            case "script_name" -> scriptName = value;
            case "path_info" -> pathInfo = value;
            case "request_uri" -> uri = value;
            default -> {
            }
        }
        // haproxy looks for "request_meth": a set-param REQUEST_METHOD leaves the default one sent too
        set.add(name);
    }

    private boolean defaults(HttpRequest head, FcgiApp app, SampleContext samples, long bodyLength, boolean https) {
        InetSocketAddress src = samples.src();
        InetSocketAddress dst = samples.dst();
        String qs = null;
        if (!set.contains("script_name") || !set.contains("path_info") || !set.contains("query_string")) {
            String path = org.jhaproxy.runtime.sample.RequestUri.pathQueryOrEmpty(uri);
            if (!set.contains("script_name") && path.isEmpty()) {
                return false;
            }
            int q = path.indexOf('?');
            if (q >= 0) {
                qs = path.substring(q + 1);
                path = path.substring(0, q);
            }
            if (set.contains("script_name")) {
                // a script name that is set says nothing of the path info: none is deduced
                set.add("path_info");
            } else {
                String decoded = RequestPath.decode(path);
                if (decoded == null) {
                    return false;
                }
                scriptName = decoded;
                if (app.pathInfo() != null) {
                    if (decoded.indexOf('\n') >= 0 || decoded.indexOf('\0') >= 0) {
                        return false;
                    }
                    Matcher m = app.pathInfo().matcher(decoded);
                    if (m.find() && m.groupCount() >= 1 && m.group(1) != null) {
                        scriptName = m.group(1);
                        if (!set.contains("path_info") && m.groupCount() >= 2 && m.group(2) != null) {
                            pathInfo = m.group(2);
                        }
                    }
                }
                if (!app.index().isEmpty() && scriptName.endsWith("/")) {
                    scriptName = scriptName + app.index();
                }
            }
        }
        add("gateway_interface", "GATEWAY_INTERFACE", "CGI/1.1");
        add("document_root", "DOCUMENT_ROOT", docroot);
        add("script_name", "SCRIPT_NAME", scriptName);
        add("path_info", "PATH_INFO", pathInfo);
        add("request_uri", "REQUEST_URI", uri);
        add("request_meth", "REQUEST_METHOD", head.method().name());
        add("query_string", "QUERY_STRING", qs);
        add("server_name", "SERVER_NAME", serverName.isEmpty() && dst != null ? org.jhaproxy.runtime.sample.Addresses.text(dst.getAddress()) : serverName);
        add("server_port", "SERVER_PORT", String.valueOf(dst == null ? 0 : dst.getPort()));
        add("server_protocol", "SERVER_PROTOCOL", head.protocolVersion().text());
        add("remote_addr", "REMOTE_ADDR", src == null ? null : org.jhaproxy.runtime.sample.Addresses.text(src.getAddress()));
        add("remote_port", "REMOTE_PORT", String.valueOf(src == null ? 0 : src.getPort()));
        add("script_filename", "SCRIPT_FILENAME", nonNull(docroot) + nonNull(scriptName));
        add("path_translated", "PATH_TRANSLATED", pathInfo == null || pathInfo.isEmpty() ? null : nonNull(docroot) + pathInfo);
        add("content_length", "CONTENT_LENGTH", String.valueOf(bodyLength));
        add("server_software", "SERVER_SOFTWARE", "HAProxy " + org.jhaproxy.runtime.cli.ShowInfo.VERSION);
        add("https", "HTTPS", https ? "on" : null);
        return true;
    }

    private void add(String key, String name, String value) {
        if (!set.contains(key) && value != null && !value.isEmpty()) {
            out.add(new Param(name, value));
        }
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
