package org.jhaproxy.config.rules;

import java.util.List;
import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.action.ActionContext;
import org.jhaproxy.config.action.RuleSet;
import org.jhaproxy.config.action.TcpActions;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.ProxyRules;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.Units;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * "tcp-request" and "tcp-response" (tcp_rules.c tcp_parse_tcp_req() / tcp_parse_tcp_rep()):
 * inspect-delay, then connection/session/content rules. Like every keyword registered by a
 * module, an error is printed as "parsing [file:line] : &lt;message&gt;".
 */
final class TcpRules {
    private TcpRules() {
    }

    static int tcpRequest(ParseContext ctx, Line line, ProxyBuilder px) {
        try {
            String warn = request(ctx, line, px);
            if (warn != null) {
                ctx.diag().warning(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), warn));
                return ErrCode.WARN;
            }
            return ErrCode.NONE;
        } catch (ExprError e) {
            ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), e.getMessage()));
            return ErrCode.ALERT_FATAL;
        }
    }

    static int tcpResponse(ParseContext ctx, Line line, ProxyBuilder px) {
        try {
            String warn = response(ctx, line, px);
            if (warn != null) {
                ctx.diag().warning(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), warn));
                return ErrCode.WARN;
            }
            return ErrCode.NONE;
        } catch (ExprError e) {
            ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), e.getMessage()));
            return ErrCode.ALERT_FATAL;
        }
    }

    private static String what(ProxyBuilder px) {
        return ProxyTypes.typeName(px) + " '" + px.name() + "'";
    }

    private static String request(ParseContext ctx, Line line, ProxyBuilder px) throws ExprError {
        String a0 = line.arg(0);
        String a1 = line.arg(1);
        boolean anonDefaults = px.isDefaults() && px.name().isEmpty();
        if (a1.isEmpty()) {
            throw new ExprError(px.isDefaults() ? "missing argument for '" + a0 + "' in defaults section"
                    : "missing argument for '" + a0 + "' in " + what(px));
        }
        ProxyRules r = px.rules();
        if (a1.equals("inspect-delay")) {
            if (anonDefaults) {
                throw new ExprError(a0 + " " + a1 + " is not allowed in anonymous 'defaults' sections");
            }
            Long ms = inspectDelay(line, px);
            if (r.tcpRequestInspectDelay() != null && r.tcpRequestInspectDelay() != 0) {
                return "ignoring " + a0 + " " + a1 + " (was already defined) in " + what(px);
            }
            r.tcpRequestInspectDelay(ms);
            return null;
        }
        RuleSet set;
        switch (a1) {
            case "content" -> set = RuleSet.TCP_REQ_CONT;
            case "connection" -> set = RuleSet.TCP_REQ_CONN;
            case "session" -> set = RuleSet.TCP_REQ_SESS;
            default -> throw new ExprError(px.isDefaults()
                    ? String.format("'%s' expects 'inspect-delay', 'connection', or 'content' in defaults section (got '%s')", a0, a1)
                    : String.format("'%s' expects 'inspect-delay', 'connection', or 'content' in %s (got '%s')", a0, what(px), a1));
        }
        if (set != RuleSet.TCP_REQ_CONT && !ProxyTypes.has(px, ProxyCapability.FRONTEND)) {
            throw new ExprError(String.format("%s %s is not allowed because %s %s is not a frontend", a0, a1, ProxyTypes.typeName(px), px.name()));
        }
        if (anonDefaults) {
            throw new ExprError(a0 + " " + a1 + " is not allowed in anonymous 'defaults' sections");
        }
        AclCondition cond = rule(ctx, line, px, set, true);
        String warn = RuleWarnings.tcpCondConflicts(cond, set.places(ProxyTypes.has(px, ProxyCapability.FRONTEND), ProxyTypes.has(px, ProxyCapability.BACKEND)), a0, a1);
        switch (set) {
            case TCP_REQ_CONT -> RuleWarnings.misplacedTcpCont(ctx, line, r, a0);
            case TCP_REQ_CONN -> RuleWarnings.misplacedTcpConn(ctx, line, r, a0);
            default -> RuleWarnings.misplacedTcpSess(ctx, line, r, a0);
        }
        Position at = new Position(line.file(), line.lineNo());
        r.rules(set).add(new ProxyRules.Rule(set, line.arg(2), false, cond, at, ProxyRules.wordsBeforeCondition(line.args(), 2)));
        org.jhaproxy.config.check.RuleReferences.noteRule(px, set, line.args().subList(Math.min(2, line.args().size()), line.args().size()), at);
        px.rules(set.keyword()).add(at);
        if (set == RuleSet.TCP_REQ_CONT && line.arg(2).equals("switch-mode") && line.arg(3).equals("http")) {
            px.httpUpgrade(true);
        }
        return warn;
    }

    private static String response(ParseContext ctx, Line line, ProxyBuilder px) throws ExprError {
        String a0 = line.arg(0);
        String a1 = line.arg(1);
        if (a1.isEmpty()) {
            throw new ExprError("missing argument for '" + a0 + "' in " + what(px));
        }
        ProxyRules r = px.rules();
        boolean allowed = !(px.isDefaults() && px.name().isEmpty()) && ProxyTypes.has(px, ProxyCapability.BACKEND) || (px.isDefaults() && !px.name().isEmpty());
        if (a1.equals("inspect-delay")) {
            if (!allowed) {
                throw new ExprError(a0 + " " + a1 + " is only allowed in 'backend' sections or 'defaults' section with a name");
            }
            Long ms = inspectDelay(line, px);
            if (r.tcpResponseInspectDelay() != null && r.tcpResponseInspectDelay() != 0) {
                return "ignoring " + a0 + " " + a1 + " (was already defined) in " + what(px);
            }
            r.tcpResponseInspectDelay(ms);
            return null;
        }
        if (!a1.equals("content")) {
            throw new ExprError(String.format("'%s' expects 'inspect-delay' or 'content' in %s (got '%s')", a0, what(px), a1));
        }
        if (!allowed) {
            throw new ExprError(a0 + " " + a1 + " is only allowed in 'backend' sections or 'defaults' section with a name");
        }
        RuleSet set = RuleSet.TCP_RES_CONT;
        AclCondition cond = rule(ctx, line, px, set, false);
        String warn = RuleWarnings.tcpCondConflicts(cond, set.places(ProxyTypes.has(px, ProxyCapability.FRONTEND), ProxyTypes.has(px, ProxyCapability.BACKEND)), a0, a1);
        Position at = new Position(line.file(), line.lineNo());
        r.rules(set).add(new ProxyRules.Rule(set, line.arg(2), false, cond, at, ProxyRules.wordsBeforeCondition(line.args(), 2)));
        org.jhaproxy.config.check.RuleReferences.noteRule(px, set, line.args().subList(Math.min(2, line.args().size()), line.args().size()), at);
        px.rules(set.keyword()).add(at);
        if (set == RuleSet.TCP_REQ_CONT && line.arg(2).equals("switch-mode") && line.arg(3).equals("http")) {
            px.httpUpgrade(true);
        }
        return warn;
    }

    /** The action from word 2, then the condition (tcp_parse_request_rule() / tcp_parse_response_rule()). */
    private static AclCondition rule(ParseContext ctx, Line line, ProxyBuilder px, RuleSet set, boolean request) throws ExprError {
        List<String> args = line.args();
        Position at = new Position(line.file(), line.lineNo());
        RuleParsers parsers = RuleParsers.of(ctx);
        ActionContext ac = new ActionContext(ctx, px, set, args, parsers, at);
        int cur;
        try {
            cur = request ? TcpActions.parseRequestAction(ac, 2) : TcpActions.parseResponseAction(ac, 2);
        } catch (ExprError e) {
            throw e;
        }
        String w = ac.arg(cur);
        if (w.equals("if") || w.equals("unless")) {
            try {
                return parsers.conditions().parse(args, cur, px.rules().acls(), at);
            } catch (ExprError e) {
                throw new ExprError(String.format("'%s %s %s' : error detected in %s '%s' while parsing '%s' condition : %s",
                        line.arg(0), line.arg(1), line.arg(2), ProxyTypes.typeName(px), px.name(), w, e.getMessage()));
            }
        }
        if (!w.isEmpty()) {
            throw new ExprError(String.format("'%s %s %s' only accepts 'if' or 'unless', in %s '%s' (got '%s')",
                    line.arg(0), line.arg(1), line.arg(2), ProxyTypes.typeName(px), px.name(), w));
        }
        return null;
    }

    private static Long inspectDelay(Line line, ProxyBuilder px) throws ExprError {
        String v = line.arg(2);
        Long ms = v.isEmpty() ? null : Units.parseTime(v);
        if (ms == null) {
            String msg = String.format("'%s %s' expects a positive delay in milliseconds, in %s '%s'", line.arg(0), line.arg(1), ProxyTypes.typeName(px), px.name());
            if (!v.isEmpty()) {
                int i = 0;
                while (i < v.length() && Character.isDigit(v.charAt(i))) {
                    i++;
                }
                String unit = v.substring(i);
                if (i > 0 && (unit.isEmpty() || unit.matches("us|ms|s|m|h|d"))) {
                    msg += " (timer overflow in '" + v + "', maximum value is 2147483647 ms or ~24.8 days)";
                } else {
                    char bad = i < v.length() ? v.charAt(i) : ' ';
                    if (i > 0 && i < v.length() && "umshd".indexOf(v.charAt(i)) >= 0) {
                        bad = v.charAt(Math.min(v.length() - 1, i + 1));
                    }
                    msg += " (unexpected character '" + bad + "')";
                }
            }
            throw new ExprError(msg);
        }
        return ms;
    }
}
