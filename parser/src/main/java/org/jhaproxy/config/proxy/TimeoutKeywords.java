package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.TimeoutKind;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * "timeout <name> <time>" and the removed clitimeout/srvtimeout/contimeout, as proxy.c's
 * proxy_parse_timeout(): errors are alerts and warnings reported as "parsing [file:line] : msg".
 */
final class TimeoutKeywords {
    private TimeoutKeywords() {
    }

    static int parse(ParseContext ctx, Line line, ProxyBuilder px) {
        int shift = line.arg(0).equals("timeout") ? 1 : 0;
        String name = line.arg(shift);
        switch (name) {
            case "clitimeout":
                return ProxyChecks.alert(ctx, line, String.format("the '%s' directive is not supported anymore since HAProxy 2.1. Use 'timeout client'.", name));
            case "srvtimeout":
                return ProxyChecks.alert(ctx, line, String.format("the '%s' directive is not supported anymore since HAProxy 2.1. Use 'timeout server'.", name));
            case "contimeout":
                return ProxyChecks.alert(ctx, line, String.format("the '%s' directive is not supported anymore since HAProxy 2.1. Use 'timeout connect'.", name));
            default:
                break;
        }
        TimeoutKind kind = shift == 1 ? TimeoutKind.byKeyword(name) : null;
        if (kind == null) {
            return ProxyChecks.alert(ctx, line, String.format("'timeout' supports 'client', 'server', 'connect', 'check', "
                    + "'queue', 'http-keep-alive', 'http-request', 'tunnel', 'tarpit', "
                    + "'client-fin' and 'server-fin' (got '%s')", name));
        }
        String value = line.arg(shift + 1);
        if (value.isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'timeout %s' expects an integer value (in milliseconds)", name));
        }
        TimeValue.Result r = TimeValue.parse(value, TimeValue.Unit.MS, ctx.diag());
        if (r.overflow()) {
            return ProxyChecks.alert(ctx, line, String.format("timer overflow in argument '%s' to 'timeout %s' (maximum value is 2147483647 ms or ~24.8 days)", value, name));
        }
        if (r.underflow()) {
            return ProxyChecks.alert(ctx, line, String.format("timer underflow in argument '%s' to 'timeout %s' (minimum non-null value is 1 ms)", value, name));
        }
        if (r.badChar() >= 0) {
            return ProxyChecks.alert(ctx, line, String.format("unexpected character '%c' in 'timeout %s'", value.charAt(r.badChar()), name));
        }
        String warning = null;
        ProxyBuilder def = px.keywordDefaults();
        if (!kind.usableBy(px.has(ProxyCapability.FRONTEND), px.has(ProxyCapability.BACKEND))) {
            warning = String.format("'timeout %s' will be ignored because %s '%s' has no %s capability",
                    name, px.typeString(), px.name(), kind.usableBy(false, true) ? "backend" : "frontend");
        } else if (def != null && px.timeout(kind) != def.timeout(kind)) {
            warning = String.format("overwriting 'timeout %s' which was already specified", name);
        }
        String extra = line.arg(shift + 2);
        px.timeout(kind, r.value());
        if (!extra.isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'timeout %s' : unexpected extra argument '%s' after value '%s'.", name, extra, value));
        }
        if (warning != null) {
            return ProxyChecks.warn(ctx, line, warning);
        }
        return ErrCode.NONE;
    }
}
