package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * "balance <algorithm> [args]" (backend.c backend_parse_balance()) and "hash-type"
 * (cfgparse-listen.c). Errors read "balance <reason>".
 */
final class BalanceKeywords {
    private BalanceKeywords() {
    }

    static int balance(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, line.arg(0), null)) {
            err |= ErrCode.WARN;
        }
        String msg = parse(line, px);
        if (msg != null) {
            return err | ProxyChecks.alert(ctx, line, line.arg(0) + " " + msg);
        }
        return err;
    }

    /** Returns the error text, or null when the algorithm was accepted. */
    private static String parse(Line line, ProxyBuilder px) {
        String a = line.arg(1);
        if (a.isEmpty() || a.equals("roundrobin") || a.equals("static-rr") || a.equals("first") || a.equals("leastconn")
                || a.equals("source")) {
            px.balance().algorithm(a.isEmpty() ? "roundrobin" : a, false);
            return null;
        }
        if (a.startsWith("random")) {
            if (a.length() > 6 && a.charAt(6) == '(' && (a.length() == 7 || a.charAt(7) != ')')) {
                String rest = a.substring(7);
                int end = TuningKeywords.strtolEnd(rest);
                if (end >= rest.length()) {
                    return "random : missing closing parenthesis.";
                }
                if (rest.charAt(end) != ')') {
                    return String.format("random : unexpected character '%c' after argument.", rest.charAt(end));
                }
                if (end == 0 || strtol0(rest.substring(0, end)) < 1) {
                    return "random : number of draws must be at least 1.";
                }
            }
            px.balance().algorithm("random", false);
            return null;
        }
        switch (a) {
            case "uri": {
                for (int i = 2; !line.arg(i).isEmpty(); ) {
                    String p = line.arg(i);
                    if (p.equals("len") || p.equals("depth")) {
                        if (line.arg(i + 1).isEmpty() || ProxyChecks.atol(line.arg(i + 1)) <= 0) {
                            return String.format("%s : '%s' expects a positive integer (got '%s').", a, p, line.arg(i + 1));
                        }
                        i += 2;
                    } else if (p.equals("whole") || p.equals("path-only")) {
                        i++;
                    } else {
                        return String.format("%s only accepts parameters 'len', 'depth', 'path-only', and 'whole' (got '%s').", a, p);
                    }
                }
                px.balance().algorithm(a, true);
                return null;
            }
            case "url_param": {
                if (line.arg(2).isEmpty()) {
                    return String.format("%s requires an URL parameter name.", a);
                }
                px.balance().algorithm(a, true);
                if (!line.arg(3).isEmpty() && !line.arg(3).equals("check_post")) {
                    return String.format("%s only accepts 'check_post' modifier (got '%s').", a, line.arg(3));
                }
                return null;
            }
            case "hash": {
                if (line.arg(2).isEmpty()) {
                    return String.format("%s requires a sample expression.", a);
                }
                px.balance().algorithm(a, false);
                px.balance().hashExpr(line.arg(2));
                if (!line.arg(3).isEmpty()) {
                    return String.format("%s takes no other argument (got '%s').", a, line.arg(3));
                }
                return null;
            }
            default:
                break;
        }
        if (a.startsWith("hdr(")) {
            int end = a.indexOf(')', 4);
            if (end < 0 || end == 4) {
                return "hdr requires an http header field name.";
            }
            px.balance().algorithm("hdr", true);
            if (!line.arg(2).isEmpty() && !line.arg(2).equals("use_domain_only")) {
                return String.format("%s only accepts 'use_domain_only' modifier (got '%s').", a, line.arg(2));
            }
            return null;
        }
        if (a.startsWith("rdp-cookie")) {
            px.balance().algorithm("rdp-cookie", false);
            if (a.length() > 10 && a.charAt(10) == '(') {
                int end = a.indexOf(')', 11);
                if (end < 0 || end == 11) {
                    return "rdp-cookie : missing cookie name.";
                }
            } else if (a.length() > 10) {
                return "rdp-cookie : missing cookie name.";
            }
            return null;
        }
        return "only supports 'roundrobin', 'static-rr', 'leastconn', 'source', 'uri', 'url_param', 'hdr(name)' and 'rdp-cookie(name)' options.";
    }

    /** C's strtol(s, NULL, 0) on a string already known to be a whole number. */
    private static long strtol0(String s) {
        boolean neg = s.startsWith("-");
        String t = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        long v;
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) {
                v = Long.parseLong(t.substring(2), 16);
            } else if (t.length() > 1 && t.startsWith("0")) {
                v = Long.parseLong(t.substring(1), 8);
            } else {
                v = Long.parseLong(t);
            }
        } catch (NumberFormatException e) {
            v = Long.MAX_VALUE;
        }
        return neg ? -v : v;
    }

    static int hashType(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        String kw = line.arg(0);
        if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, kw, null)) {
            err |= ErrCode.WARN;
        }
        switch (line.arg(1)) {
            case "consistent", "map-based" -> {
            }
            case "avalanche" -> {
                return err | ProxyChecks.alert(ctx, line, String.format("experimental feature '%s %s' is not supported anymore, please use '%s map-based sdbm avalanche' instead.",
                        kw, line.arg(1), kw));
            }
            default -> {
                return err | ProxyChecks.alert(ctx, line, String.format("'%s' only supports 'consistent' and 'map-based'.", kw));
            }
        }
        if (line.arg(2).isEmpty()) {
            return err;
        }
        switch (line.arg(2)) {
            case "sdbm", "djb2", "wt6", "crc32" -> {
            }
            default -> {
                return err | ProxyChecks.alert(ctx, line, String.format("'%s' only supports 'sdbm', 'djb2', 'crc32', or 'wt6' hash functions.", kw));
            }
        }
        if (!line.arg(3).isEmpty() && !line.arg(3).equals("avalanche")) {
            return err | ProxyChecks.alert(ctx, line, String.format("'%s' only supports 'avalanche' as a modifier for hash functions.", kw));
        }
        return err;
    }
}
