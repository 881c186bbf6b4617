package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import java.util.List;
import org.jhaproxy.runtime.logformat.CompiledLogFormat;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.RequestUri;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * "redirect" and "http-request redirect" (configuration.txt 4.2 "redirect"): location, prefix or
 * scheme, "code", "drop-query", "append-slash", "set-cookie", "clear-cookie", "ignore-empty",
 * answered as http_apply_redirect_rule() builds it: content-length 0, location, cache-control
 * no-cache for 302, 303 and 307, then the cookie ("NAME=value; path=/;" to set it, "NAME=; path=/;
 * Max-Age=0;" to clear it).
 */
final class Redirect implements HttpAction {
    private enum Type {
        LOCATION, PREFIX, SCHEME
    }

    private final Type type;
    private final CompiledLogFormat destination;
    private final String statusLine;
    private final boolean noCache;
    private final boolean dropQuery;
    private final boolean appendSlash;
    /** The whole set-cookie header line, or null. */
    private final String cookie;
    /** "ignore-empty": a location that evaluates to nothing skips the rule. */
    private final boolean ignoreEmpty;

    private Redirect(Type type, CompiledLogFormat destination, int code, boolean dropQuery, boolean appendSlash,
                     String cookie, boolean ignoreEmpty) {
        this.type = type;
        this.destination = destination;
        this.statusLine = "HTTP/1.1 " + code + " " + reason(code) + "\r\n";
        this.noCache = code == 302 || code == 303 || code == 307;
        this.dropQuery = dropQuery;
        this.appendSlash = appendSlash;
        this.cookie = cookie;
        this.ignoreEmpty = ignoreEmpty;
    }

    /** The words after "redirect"; {@code logFormat} for http-request redirect, plain text for the old keyword. */
    static Redirect compile(List<String> w, boolean logFormat, CompileScope scope) throws NotSupported {
        Type type = null;
        String dest = null;
        int code = 302;
        boolean drop = false;
        boolean slash = false;
        boolean ignoreEmpty = false;
        String cookie = null;
        for (int i = 1; i < w.size(); i++) {
            switch (w.get(i)) {
                case "location", "prefix", "scheme" -> {
                    type = Type.valueOf(w.get(i).toUpperCase(java.util.Locale.ROOT));
                    dest = w.get(++i);
                }
                case "code" -> code = Integer.parseInt(w.get(++i));
                case "drop-query" -> drop = true;
                case "append-slash" -> slash = true;
                case "ignore-empty" -> ignoreEmpty = true;
                case "set-cookie" -> cookie = "set-cookie: " + w.get(++i) + "; path=/;\r\n";
                case "clear-cookie" -> cookie = "set-cookie: " + w.get(++i) + "; path=/; Max-Age=0;\r\n";
                default -> throw new NotSupported("redirect option '" + w.get(i) + "' is not supported by jhaproxy yet.");
            }
        }
        // a prefix of "/" adds nothing, so that a self-redirection can be written
        if (type == Type.PREFIX && dest.equals("/")) {
            dest = "";
        }
        CompiledLogFormat fmt = CompiledLogFormat.compile(logFormat ? dest : dest.replace("%", "%%"), scope);
        return new Redirect(type, fmt, code, drop, slash, cookie, ignoreEmpty);
    }

    private static String reason(int code) {
        return switch (code) {
            case 301 -> "Moved Permanently";
            case 303 -> "See Other";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            default -> "Found";
        };
    }

    @Override
    public Reply apply(SampleContext c, HttpMessage msg) {
        HttpRequest req = c.request();
        StringBuilder loc = new StringBuilder();
        if (type == Type.LOCATION) {
            loc.append(destination.eval(c));
            if (ignoreEmpty && loc.length() == 0) {
                return null;
            }
        } else {
            String path = RequestUri.pathQuery(req.uri());
            if (path == null) {
                path = "/";
            }
            if (dropQuery && path.indexOf('?') >= 0) {
                path = path.substring(0, path.indexOf('?'));
            }
            if (type == Type.SCHEME) {
                String host = req.headers().get("host");
                loc.append(destination.eval(c)).append("://").append(host == null ? "" : host).append(path);
            } else {
                loc.append(destination.eval(c)).append(path);
            }
            if (appendSlash && loc.length() > 0 && loc.charAt(loc.length() - 1) != '/') {
                loc.append('/');
            }
        }
        StringBuilder sb = new StringBuilder(statusLine);
        boolean close = !c.requestComplete();
        if (close) {
            sb.append("connection: close\r\n");
        }
        sb.append("content-length: 0\r\nlocation: ").append(loc).append("\r\n");
        if (noCache) {
            sb.append("cache-control: no-cache\r\n");
        }
        if (cookie != null) {
            sb.append(cookie);
        }
        Interception.count(c, msg);
        return Reply.local(sb.append("\r\n").toString(), close);
    }
}
