package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The registered proxy keywords of proxy.c besides "timeout": rate-limit, max-keep-alive-queue,
 * declare capture, retry-on and the {cli,srv}tcpka-{cnt,idle,intvl} keep-alive settings.
 */
final class TuningKeywords {
    private TuningKeywords() {
    }

    /** C's strtol(s, &end, 0) end position: how many characters form a number. */
    static int strtolEnd(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int start = i;
        if (i + 1 < s.length() && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
            while (i < s.length() && Character.digit(s.charAt(i), 16) >= 0) {
                i++;
            }
            return i;
        }
        int radix = (i < s.length() && s.charAt(i) == '0') ? 8 : 10;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && Character.digit(s.charAt(i), radix) >= 0) {
            i++;
        }
        return i == start ? 0 : i;
    }

    static int rateLimit(ParseContext ctx, Line line, ProxyBuilder px) {
        if (!line.arg(1).equals("sessions")) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' only supports 'sessions' (got '%s')", line.arg(0), line.arg(1)));
        }
        String v = line.arg(2);
        if (v.isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s %s' expects expects an integer value (in sessions/second)", line.arg(0), line.arg(1)));
        }
        int end = strtolEnd(v);
        if (end < v.length()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s %s' : unexpected character '%c' in integer value '%s'",
                    line.arg(0), line.arg(1), v.charAt(end), v));
        }
        if (!px.has(ProxyCapability.FRONTEND)) {
            return ProxyChecks.warn(ctx, line, String.format("%s %s will be ignored because %s '%s' has no frontend capability",
                    line.arg(0), line.arg(1), px.typeString(), px.name()));
        }
        return ErrCode.NONE;
    }

    static int maxKeepAliveQueue(ParseContext ctx, Line line, ProxyBuilder px) {
        String v = line.arg(1);
        if (v.isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' expects expects an integer value (or -1 to disable)", line.arg(0)));
        }
        int end = strtolEnd(v);
        if (end < v.length()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' : unexpected character '%c' in integer value '%s'", line.arg(0), v.charAt(end), v));
        }
        if (!px.has(ProxyCapability.BACKEND)) {
            return ProxyChecks.warn(ctx, line, String.format("%s will be ignored because %s '%s' has no backend capability",
                    line.arg(0), px.typeString(), px.name()));
        }
        return ErrCode.NONE;
    }

    static int declare(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        if (px.isDefaults()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' not available in default section", kw));
        }
        if (!px.has(ProxyCapability.FRONTEND)) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' only available in frontend or listen section", kw));
        }
        if (line.arg(1).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' needs a second keyword that specify the type of declaration ('capture')", kw));
        }
        if (!line.arg(1).equals("capture")) {
            return ProxyChecks.alert(ctx, line, String.format("unknown declaration type '%s' (supports 'capture')", line.arg(1)));
        }
        String dir = line.arg(2);
        if (!dir.equals("request") && !dir.equals("response")) {
            return ProxyChecks.alert(ctx, line, String.format("'%s %s' requires a direction ('request' or 'response')", kw, line.arg(1)));
        }
        if (!line.arg(3).equals("len")) {
            return ProxyChecks.alert(ctx, line, String.format("'%s %s' requires a capture length ('len')", kw, line.arg(1)));
        }
        String len = line.arg(4);
        if (len.isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s %s': 'len' requires a numeric value that represents the capture length", kw, line.arg(1)));
        }
        int end = strtolEnd(len);
        // strtol(.., 10) here: leading 0 is decimal, no hex
        if (!len.matches("\\s*[+-]?\\d+")) {
            return ProxyChecks.alert(ctx, line, String.format("'%s %s': cannot parse the length '%s'.", kw, line.arg(1), line.arg(3)));
        }
        if (end >= 0 && ProxyChecks.atol(len) <= 0) {
            return ProxyChecks.alert(ctx, line, "length must be > 0");
        }
        px.captures().add(dir.equals("request"));
        return ErrCode.NONE;
    }

    static int retryOn(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        if (line.arg(1).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' needs at least one keyword to specify when to retry", kw));
        }
        if (!px.has(ProxyCapability.BACKEND)) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' only available in backend or listen section", kw));
        }
        java.util.Set<String> known = java.util.Set.of("conn-failure", "empty-response", "response-timeout", "401", "403", "404",
                "408", "425", "500", "501", "502", "503", "504", "0rtt-rejected", "junk-response", "all-retryable-errors");
        for (int i = 1; !line.arg(i).isEmpty(); i++) {
            String a = line.arg(i);
            if (known.contains(a)) {
                continue;
            }
            if (a.equals("none")) {
                if (i != 1 || !line.arg(i + 1).isEmpty()) {
                    return ProxyChecks.alert(ctx, line, String.format("'%s' 'none' keyworld only usable alone", kw));
                }
                continue;
            }
            return ProxyChecks.alert(ctx, line, String.format("'%s': unknown keyword '%s'", kw, a));
        }
        return ErrCode.NONE;
    }

    /** {cli,srv}tcpka-cnt, -idle, -intvl. */
    static int tcpKeepAlive(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        String v = line.arg(1);
        if (v.isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' expects an integer value", kw));
        }
        if (kw.endsWith("-cnt")) {
            int end = strtolEnd(v);
            if (end < v.length()) {
                return ProxyChecks.alert(ctx, line, String.format("'%s' : unexpected character '%c' in integer value '%s'", kw, v.charAt(end), v));
            }
        } else {
            TimeValue.Result r = TimeValue.parse(v, TimeValue.Unit.S, ctx.diag());
            if (r.overflow()) {
                return ProxyChecks.alert(ctx, line, String.format("timer overflow in argument '%s' to '%s' (maximum value is 2147483647 ms or ~24.8 days)", v, kw));
            }
            if (r.underflow()) {
                return ProxyChecks.alert(ctx, line, String.format("timer underflow in argument '%s' to '%s' (minimum non-null value is 1 ms)", v, kw));
            }
            if (r.badChar() >= 0) {
                // HAProxy's message carries its own newline here, printed as an empty line
                return ProxyChecks.alert(ctx, line, String.format("unexpected character '%c' in argument to <%s>.\n", v.charAt(r.badChar()), kw));
            }
        }
        boolean client = kw.startsWith("cli");
        if (client && !px.has(ProxyCapability.FRONTEND)) {
            return ProxyChecks.warn(ctx, line, String.format("%s will be ignored because %s '%s' has no frontend capability", kw, px.typeString(), px.name()));
        }
        if (!client && !px.has(ProxyCapability.BACKEND)) {
            return ProxyChecks.warn(ctx, line, String.format("%s will be ignored because %s '%s' has no backend capability", kw, px.typeString(), px.name()));
        }
        return ErrCode.NONE;
    }
}
