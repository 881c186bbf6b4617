package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/** "cookie <name> [options]" and "capture cookie|request header|response header" (cfg_parse_listen()). */
final class CookieCaptureKeywords {
    private CookieCaptureKeywords() {
    }

    static int cookie(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        String kw = line.arg(0);
        if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, kw, null)) {
            err |= ErrCode.WARN;
        }
        if (line.arg(1).isEmpty()) {
            return err | ProxyChecks.alert(ctx, line, String.format("'%s' expects <cookie_name> as argument.", kw));
        }
        px.cookieName(line.arg(1));
        boolean rewrite = false;
        boolean indirect = false;
        boolean insert = false;
        boolean prefix = false;
        boolean preserve = false;
        for (int cur = 2; !line.arg(cur).isEmpty(); cur++) {
            String a = line.arg(cur);
            switch (a) {
                case "rewrite" -> rewrite = true;
                case "indirect" -> indirect = true;
                case "insert" -> insert = true;
                case "nocache", "postonly", "httponly", "secure" -> {
                }
                case "preserve" -> preserve = true;
                case "prefix" -> prefix = true;
                case "domain" -> {
                    String d = line.arg(cur + 1);
                    if (d.isEmpty()) {
                        return err | ProxyChecks.alertTight(ctx, line, String.format("'%s' expects <domain> as argument.", a));
                    }
                    if (d.indexOf('.') < 0) {
                        err |= ProxyChecks.warnTight(ctx, line, String.format("domain '%s' contains no embedded dot,"
                                + " this configuration may not work properly (see RFC6265#5.2.3).", d));
                    }
                    for (char c : d.toCharArray()) {
                        boolean ok = Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '-';
                        if (!ok) {
                            return err | ProxyChecks.alertTight(ctx, line, String.format("character '%c' is not permitted in domain name '%s'.", c, d));
                        }
                    }
                    cur++;
                }
                case "maxidle", "maxlife" -> {
                    String v = line.arg(cur + 1);
                    if (v.isEmpty()) {
                        return err | ProxyChecks.alertTight(ctx, line, String.format("'%s' expects <%s> in seconds as argument.", a,
                                a.equals("maxidle") ? "idletime" : "lifetime"));
                    }
                    TimeValue.Result r = TimeValue.parse(v, TimeValue.Unit.S, ctx.diag());
                    if (r.overflow()) {
                        return err | ProxyChecks.alertTight(ctx, line, String.format("timer overflow in argument <%s> to <%s>, maximum value is 2147483647 s (~68 years).", v, a));
                    }
                    if (r.underflow()) {
                        return err | ProxyChecks.alertTight(ctx, line, String.format("timer underflow in argument <%s> to <%s>, minimum non-null value is 1 s.", v, a));
                    }
                    if (r.badChar() >= 0) {
                        return err | ProxyChecks.alertTight(ctx, line, String.format("unexpected character '%c' in argument to <%s>.", v.charAt(r.badChar()), a));
                    }
                    cur++;
                }
                case "dynamic" -> {
                    if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, a, null)) {
                        err |= ErrCode.WARN;
                    }
                }
                case "attr" -> {
                    String v = line.arg(cur + 1);
                    if (v.isEmpty()) {
                        return err | ProxyChecks.alertTight(ctx, line, String.format("'%s' expects <value> as argument.", a));
                    }
                    for (char c : v.toCharArray()) {
                        if (c < 0x20 || c == 0x7f || c == ';') {
                            return err | ProxyChecks.alertTight(ctx, line, String.format("character '%%x%02X' is not permitted in attribute value.", (int) c));
                        }
                    }
                    cur++;
                }
                default -> {
                    return err | ProxyChecks.alert(ctx, line, String.format("'%s' supports 'rewrite', 'insert', 'prefix', 'indirect', 'nocache', "
                            + "'postonly', 'domain', 'maxidle', 'dynamic', 'maxlife' and 'attr' options.", kw));
                }
            }
        }
        if (rewrite && indirect) {
            err |= ProxyChecks.alert(ctx, line, "cookie 'rewrite' and 'indirect' modes are incompatible.");
        }
        if ((rewrite ? 1 : 0) + (insert ? 1 : 0) + (prefix ? 1 : 0) > 1) {
            err |= ProxyChecks.alert(ctx, line, "cookie 'rewrite', 'insert' and 'prefix' modes are incompatible.");
        }
        if (preserve && !insert && !indirect) {
            err |= ProxyChecks.alert(ctx, line, "cookie 'preserve' requires at least 'insert' or 'indirect'.");
        }
        return err;
    }

    static int capture(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        String kw = line.arg(0);
        if (ProxyChecks.warnIfNotCap(ctx, line, px, true, false, kw, null)) {
            err |= ErrCode.WARN;
        }
        String what = line.arg(1);
        boolean header = (what.equals("request") || what.equals("response")) && line.arg(2).equals("header");
        if (!what.equals("cookie") && !header) {
            return err | ProxyChecks.alert(ctx, line, String.format("'%s' expects 'cookie' or 'request header' or 'response header'.", kw));
        }
        if (px.isDefaults()) {
            return err | ProxyChecks.alert(ctx, line, String.format("'%s %s' not allowed in 'defaults' section.", kw, what));
        }
        int tm = ProxyChecks.tooManyArgs(ctx, line, 4, 1);
        if (tm != 0) {
            return err | tm;
        }
        if (what.equals("cookie")) {
            if (line.arg(4).isEmpty()) {
                return err | ProxyChecks.alert(ctx, line, String.format("'%s' expects 'cookie' <cookie_name> 'len' <len>.", kw));
            }
            px.captures().cookie(line.arg(2), ProxyChecks.atol(line.arg(4)));
            return err;
        }
        if (line.arg(3).isEmpty() || !line.arg(4).equals("len") || line.arg(5).isEmpty()) {
            return err | ProxyChecks.alert(ctx, line, String.format("'%s %s' expects 'header' <header_name> 'len' <len>.", kw, what));
        }
        px.captures().add(what.equals("request"));
        return err;
    }
}
