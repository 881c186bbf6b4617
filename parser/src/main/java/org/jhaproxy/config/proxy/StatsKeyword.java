package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * "stats <parameter>" in proxies: the statistics page settings of cfg_parse_listen(). Any
 * accepted statement enables the page (HAProxy allocates uri_auth).
 */
final class StatsKeyword {
    private StatsKeyword() {
    }

    static int parse(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        String p = line.arg(1);
        switch (p) {
            case "admin": {
                if (px.isDefaults()) {
                    return ProxyChecks.alertTight(ctx, line, String.format("'%s %s' not allowed in 'defaults' section.", kw, p));
                }
                px.stats(true);
                if (!line.arg(2).equals("if") && !line.arg(2).equals("unless")) {
                    return ProxyChecks.alert(ctx, line, String.format("'%s %s' requires either 'if' or 'unless' followed by a condition.", kw, p));
                }
                try {
                    org.jhaproxy.config.acl.AclCondition cond = org.jhaproxy.config.rules.Conditions.parse(ctx, line, 2, px);
                    px.rules().statsAdmin().add(new org.jhaproxy.config.model.ProxyRules.Rule(
                            org.jhaproxy.config.action.RuleSet.HTTP_REQ, "stats admin", false, cond,
                            new org.jhaproxy.config.model.Position(line.file(), line.lineNo())));
                } catch (org.jhaproxy.config.sample.ExprError e) {
                    return ProxyChecks.alert(ctx, line, String.format("error detected while parsing a '%s %s' rule : %s.", kw, p, e.getMessage()));
                }
                return ErrCode.NONE;
            }
            case "uri":
                return needsArg(ctx, line, px, "'uri' needs an URI prefix.");
            case "realm":
                return needsArg(ctx, line, px, "'realm' needs an realm name.");
            case "auth":
                return needsArg(ctx, line, px, "'auth' needs a user:password account.");
            case "scope":
                return needsArg(ctx, line, px, "'scope' needs a proxy name.");
            case "refresh": {
                String v = line.arg(2);
                TimeValue.Result r = TimeValue.parse(v, TimeValue.Unit.S, ctx.diag());
                if (r.overflow()) {
                    return ProxyChecks.alertTight(ctx, line, String.format("timer overflow in argument <%s> to stats refresh interval, maximum value is 2147483647 s (~68 years).", v));
                }
                if (r.underflow()) {
                    return ProxyChecks.alertTight(ctx, line, String.format("timer underflow in argument <%s> to stats refresh interval, minimum non-null value is 1 s.", v));
                }
                if (r.badChar() >= 0) {
                    return ProxyChecks.alertTight(ctx, line, String.format("unexpected character '%c' in argument to stats refresh interval.",
                            r.badChar() < v.length() ? v.charAt(r.badChar()) : '\0'));
                }
                px.stats(true);
                return ErrCode.NONE;
            }
            case "http-request": {
                if (px.isDefaults()) {
                    return ProxyChecks.alertTight(ctx, line, String.format("'%s' not allowed in 'defaults' section.", kw));
                }
                px.stats(true);
                // TODO(h4): parse the rule with the http-request parser
                return ErrCode.NONE;
            }
            case "enable", "hide-version", "show-legends", "show-modules":
                px.stats(true);
                return ErrCode.NONE;
            case "show-node": {
                String n = line.arg(2);
                if (!n.isEmpty() && !n.matches("[A-Za-z0-9_.-]+")) {
                    return ProxyChecks.alertTight(ctx, line, String.format("'%s %s' invalid node name - should be a string"
                            + "with digits(0-9), letters(A-Z, a-z), hyphen(-) or underscode(_).", kw, p));
                }
                px.stats(true);
                return ErrCode.NONE;
            }
            case "show-desc": {
                boolean globalDesc = ctx.config().global().get("description") != null;
                if (line.arg(2).isEmpty() && !globalDesc) {
                    ctx.diag().warning(String.format("parsing [%s:%d]: '%s' requires a parameter or 'desc' to be set in the global section.",
                            line.file(), line.lineNo(), p));
                    return ErrCode.NONE;
                }
                px.stats(true);
                return ErrCode.NONE;
            }
            default:
                return ProxyChecks.alertTight(ctx, line, String.format("%s '%s', expects 'admin', 'uri', 'realm', 'auth', 'scope', 'enable', "
                        + "'hide-version', 'show-node', 'show-desc' or 'show-legends'.",
                        p.isEmpty() ? "missing keyword in" : "unknown stats parameter", p.isEmpty() ? kw : p));
        }
    }

    private static int needsArg(ParseContext ctx, Line line, ProxyBuilder px, String msg) {
        if (line.arg(2).isEmpty()) {
            return ProxyChecks.alert(ctx, line, msg);
        }
        px.stats(true);
        return ErrCode.NONE;
    }
}
