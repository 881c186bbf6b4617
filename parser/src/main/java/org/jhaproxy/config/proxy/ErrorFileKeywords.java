package org.jhaproxy.config.proxy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The custom error replies of a proxy (http_htx.c): errorfile, errorfiles, errorloc,
 * errorloc302, errorloc303 and http-error. Error files are opened while parsing, as HAProxy does.
 */
final class ErrorFileKeywords {
    /** http_err_codes[]: the statuses HAProxy can produce itself. */
    static final Set<Long> HANDLED = Set.of(200L, 400L, 401L, 403L, 404L, 405L, 407L, 408L, 410L, 413L, 421L, 422L, 425L,
            429L, 500L, 501L, 502L, 503L, 504L);

    private ErrorFileKeywords() {
    }

    private static boolean readable(ParseContext ctx, String file) {
        Path p = ctx.env().resolve(file);
        return Files.isReadable(p) && !Files.isDirectory(p);
    }

    static int errorfile(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        if (ProxyChecks.warnIfNotCap(ctx, line, px, true, true, kw, null)) {
            return ErrCode.WARN;
        }
        if (line.arg(1).isEmpty() || line.arg(2).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("%s : expects <status_code> and <file> as arguments.\n", kw));
        }
        long status = (int) ProxyChecks.atol(line.arg(1));
        if (!HANDLED.contains(status)) {
            return ProxyChecks.alert(ctx, line, String.format("%s : status code '%d' not handled.", kw, status));
        }
        if (!readable(ctx, line.arg(2))) {
            return ProxyChecks.alert(ctx, line, String.format("%s : error opening file '%s'.", kw, line.arg(2)));
        }
        return ErrCode.NONE;
    }

    static int errorloc(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        if (ProxyChecks.warnIfNotCap(ctx, line, px, true, true, kw, null)) {
            return ErrCode.WARN;
        }
        if (line.arg(1).isEmpty() || line.arg(2).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("%s : expects <status_code> and <url> as arguments.\n", kw));
        }
        long status = (int) ProxyChecks.atol(line.arg(1));
        if (!HANDLED.contains(status)) {
            return ProxyChecks.alert(ctx, line, String.format("%s : status code '%d' not handled.", kw, status));
        }
        return ErrCode.NONE;
    }

    static int errorfiles(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        if (ProxyChecks.warnIfNotCap(ctx, line, px, true, true, kw, null)) {
            return ErrCode.WARN;
        }
        if (line.arg(1).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("%s : expects <name> as argument.", kw));
        }
        for (int i = 2; !line.arg(i).isEmpty(); i++) {
            long status = (int) ProxyChecks.atol(line.arg(i));
            if (!HANDLED.contains(status)) {
                return ProxyChecks.alert(ctx, line, String.format("%s : status code '%d' not handled.", kw, status));
            }
        }
        org.jhaproxy.config.model.Position at = new org.jhaproxy.config.model.Position(line.file(), line.lineNo());
        java.util.List<Integer> codes = new java.util.ArrayList<>();
        for (int i = 2; !line.arg(i).isEmpty(); i++) {
            codes.add((int) ProxyChecks.atol(line.arg(i)));
        }
        ctx.config().errorFilesCodes().put(at, codes);
        px.errorFilesRefs().add(new org.jhaproxy.config.model.BackendRef(line.arg(1), at, false));
        return ErrCode.NONE;
    }

    /** "http-error status <code> [content-type <type>] [reply body...]" (http_parse_http_reply()). */
    static int httpError(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        if (ProxyChecks.warnIfNotCap(ctx, line, px, true, true, kw, null)) {
            return ErrCode.WARN;
        }
        long status = 0;
        String body = null;
        int cur = 1;
        while (!line.arg(cur).isEmpty()) {
            String a = line.arg(cur);
            switch (a) {
                case "status" -> {
                    cur++;
                    if (line.arg(cur).isEmpty()) {
                        return fail(ctx, line, String.format("'%s' expects <status_code> as argument", a));
                    }
                    status = (int) ProxyChecks.atol(line.arg(cur));
                    if (status < 200 || status > 599) {
                        return fail(ctx, line, String.format("Unexpected status code '%d'", status));
                    }
                    cur++;
                }
                case "content-type" -> {
                    cur++;
                    if (line.arg(cur).isEmpty()) {
                        return fail(ctx, line, String.format("'%s' expects <ctype> as argument", a));
                    }
                    cur++;
                }
                case "default-errorfiles", "errorfiles", "errorfile", "file", "lf-file", "string", "lf-string" -> {
                    if (body != null) {
                        return fail(ctx, line, String.format("unexpected '%s' argument, '%s' already defined", a, body));
                    }
                    body = a;
                    cur++;
                    if (a.equals("default-errorfiles")) {
                        continue;
                    }
                    if (line.arg(cur).isEmpty()) {
                        String what = switch (a) {
                            case "errorfiles" -> "<name>";
                            case "string", "lf-string" -> "<str>";
                            default -> "<file>";
                        };
                        return fail(ctx, line, String.format("'%s' expects %s as argument", a, what));
                    }
                    // an "errorfile" goes through http_load_errorfile(), whose message ends with a dot
                    if (a.equals("errorfile") && !readable(ctx, line.arg(cur))) {
                        return fail(ctx, line, String.format("error opening file '%s'.", line.arg(cur)));
                    }
                    if ((a.equals("file") || a.equals("lf-file")) && !readable(ctx, line.arg(cur))) {
                        return fail(ctx, line, String.format("error opening file '%s'", line.arg(cur)));
                    }
                    cur++;
                }
                case "hdr" -> {
                    cur++;
                    if (line.arg(cur).isEmpty() || line.arg(cur + 1).isEmpty()) {
                        return fail(ctx, line, String.format("'%s' expects <name> and <value> as arguments", a));
                    }
                    cur += 2;
                }
                default -> {
                    return finish(ctx, line, status, cur);
                }
            }
        }
        return finish(ctx, line, status, cur);
    }

    private static int finish(ParseContext ctx, Line line, long status, int cur) {
        String kw = line.arg(0);
        if (status == 0) {
            return ProxyChecks.alert(ctx, line, String.format("%s : expects at least a <status> as arguments.\n", kw));
        }
        if (!HANDLED.contains(status)) {
            return ProxyChecks.alert(ctx, line, String.format("%s: status code '%d' not handled.", kw, status));
        }
        if (!line.arg(cur).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("%s : unknown keyword '%s'.", kw, line.arg(cur)));
        }
        return ErrCode.NONE;
    }

    private static int fail(ParseContext ctx, Line line, String msg) {
        return ProxyChecks.alert(ctx, line, line.arg(0) + " : " + msg);
    }
}
