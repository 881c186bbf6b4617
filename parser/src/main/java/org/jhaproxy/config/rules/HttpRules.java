package org.jhaproxy.config.rules;

import java.util.List;
import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.action.ActionContext;
import org.jhaproxy.config.action.ActionKeyword;
import org.jhaproxy.config.action.ActionTable;
import org.jhaproxy.config.action.HttpActions;
import org.jhaproxy.config.action.RuleSet;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.ProxyRules;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * "http-request", "http-response" and "http-after-response" (cfgparse-listen.c and
 * http_rules.c parse_http_req_cond()): an action from the set's table, its arguments, then an
 * optional condition. A rejected rule stops the file, as in HAProxy (ERR_ABORT).
 */
final class HttpRules {
    private HttpRules() {
    }

    static int httpRequest(ParseContext ctx, Line line, ProxyBuilder px) {
        return parse(ctx, line, px, RuleSet.HTTP_REQ, HttpActions.HTTP_REQUEST);
    }

    static int httpResponse(ParseContext ctx, Line line, ProxyBuilder px) {
        return parse(ctx, line, px, RuleSet.HTTP_RES, HttpActions.HTTP_RESPONSE);
    }

    static int httpAfterResponse(ParseContext ctx, Line line, ProxyBuilder px) {
        return parse(ctx, line, px, RuleSet.HTTP_AFTER_RES, HttpActions.HTTP_AFTER_RESPONSE);
    }

    private static int parse(ParseContext ctx, Line line, ProxyBuilder px, RuleSet set, ActionTable table) {
        String kw = line.keyword();
        String where = line.file() + ":" + line.lineNo();
        if (px.isDefaults() && px.name().isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s] : '%s' not allowed in anonymous 'defaults' section.", where, kw));
            return ErrCode.ALERT_FATAL;
        }
        ProxyRules r = px.rules();
        int err = ErrCode.NONE;
        List<ProxyRules.Rule> previous = r.rules(set);
        if (!previous.isEmpty()) {
            ProxyRules.Rule last = previous.get(previous.size() - 1);
            if (last.condition() == null && last.isFinal()) {
                ctx.diag().warning(String.format("parsing [%s]: previous '%s' action is final and has no condition attached, further entries are NOOP.",
                        where, kw));
                err |= ErrCode.WARN;
            }
        }
        List<String> args = line.args().subList(1, line.args().size());
        String action = args.isEmpty() ? "" : args.get(0);
        ActionKeyword k = table.find(action);
        if (k == null) {
            String best = table.suggest(action, List.of());
            ctx.diag().alert(String.format("parsing [%s]: '%s' expects %s, but got '%s'%s.%s", where, kw, table.listed(), action,
                    action.isEmpty() ? " (missing argument)" : "", best != null ? " Did you mean '" + best + "' maybe ?" : ""));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        if (action.equals("normalize-uri") && !ctx.config().global().experimentalAllowed()) {
            ctx.diag().alert(String.format("parsing [%s] : '%s' action is experimental, must be allowed via a global 'expose-experimental-directives'",
                    where, action));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        Position at = new Position(line.file(), line.lineNo());
        RuleParsers parsers = RuleParsers.of(ctx);
        ActionContext ac = new ActionContext(ctx, px, set, args, parsers, at);
        int cur;
        try {
            cur = k.parser().parse(ac, 1);
        } catch (ExprError e) {
            ctx.diag().alert(String.format("parsing [%s] : error detected in %s '%s' while parsing '%s %s' rule : %s.",
                    where, ProxyTypes.typeName(px), px.name(), kw, action, e.getMessage()));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        AclCondition cond = ac.condition();
        if (!ac.conditionParsed()) {
            String w = ac.arg(cur);
            if (w.equals("if") || w.equals("unless")) {
                try {
                    cond = parsers.conditions().parse(args, cur, r.acls(), at);
                } catch (ExprError e) {
                    ctx.diag().alert(String.format("parsing [%s] : error detected while parsing an '%s %s' condition : %s.",
                            where, kw, action, e.getMessage()));
                    return ErrCode.ALERT | ErrCode.ABORT;
                }
            } else if (!w.isEmpty()) {
                ctx.diag().alert(String.format("parsing [%s]: '%s %s' expects either 'if' or 'unless' followed by a condition but found '%s'.",
                        where, kw, action, w));
                return ErrCode.ALERT | ErrCode.ABORT;
            }
        }
        if (set == RuleSet.HTTP_REQ) {
            RuleWarnings.misplacedHttpReq(ctx, line, r, kw);
        }
        err |= RuleWarnings.condConflicts(ctx, line, cond, set.places(ProxyTypes.has(px, ProxyCapability.FRONTEND),
                ProxyTypes.has(px, ProxyCapability.BACKEND)));
        boolean isFinal = k.isFinal() && !(action.equals("redirect") && args.contains("ignore-empty"));
        // the action word and its arguments; actions reading their own condition (redirect) stop before it
        List<String> words = args.subList(0, Math.max(1, Math.min(cur, args.size())));
        if (ac.conditionParsed()) {
            words = ProxyRules.wordsBeforeCondition(words, 0);
        }
        r.rules(set).add(new ProxyRules.Rule(set, action, isFinal, cond, at, words));
        org.jhaproxy.config.check.RuleReferences.noteRule(px, set, args, at);
        px.rules(set.keyword()).add(at);
        return err;
    }

}
