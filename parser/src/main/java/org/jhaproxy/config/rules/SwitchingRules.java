package org.jhaproxy.config.rules;

import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.action.ActionContext;
import org.jhaproxy.config.action.Redirects;
import org.jhaproxy.config.action.RuleSet;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.ProxyRules;
import org.jhaproxy.config.sample.CheckPlace;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The rules choosing where a request goes or how it is answered outside the http-request
 * rule set: use_backend, use-server, redirect, force-persist / ignore-persist, monitor fail
 * and monitor-uri (cfgparse-listen.c).
 */
final class SwitchingRules {
    private SwitchingRules() {
    }

    private static String where(Line line) {
        return line.file() + ":" + line.lineNo();
    }

    private static Position at(Line line) {
        return new Position(line.file(), line.lineNo());
    }

    private static boolean notInDefaults(ParseContext ctx, Line line, ProxyBuilder px) {
        if (px.isDefaults()) {
            ctx.diag().alert(String.format("parsing [%s] : '%s' not allowed in 'defaults' section.", where(line), line.keyword()));
            return false;
        }
        return true;
    }

    static int useBackend(ParseContext ctx, Line line, ProxyBuilder px) {
        if (!notInDefaults(ctx, line, px)) {
            return ErrCode.ALERT_FATAL;
        }
        int err = ErrCode.NONE;
        if (RuleWarnings.notCapable(ctx, line, px, ProxyCapability.FRONTEND, line.keyword())) {
            err |= ErrCode.WARN;
        }
        if (line.arg(1).isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s] : '%s' expects a backend name.", where(line), line.keyword()));
            return ErrCode.ALERT_FATAL;
        }
        AclCondition cond = null;
        String w = line.arg(2);
        if (w.equals("if") || w.equals("unless")) {
            try {
                cond = RuleParsers.of(ctx).conditions().parse(line.args(), 2, px.rules().acls(), at(line));
            } catch (ExprError e) {
                ctx.diag().alert(String.format("parsing [%s] : error detected while parsing switching rule : %s.", where(line), e.getMessage()));
                return ErrCode.ALERT_FATAL;
            }
            err |= RuleWarnings.condConflicts(ctx, line, cond, CheckPlace.FE_SET_BCK.bit());
        } else if (!w.isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s] : unexpected keyword '%s' after switching rule, only 'if' and 'unless' are allowed.",
                    where(line), w));
            return ErrCode.ALERT_FATAL;
        }
        String name = line.arg(1);
        px.rules().useBackends().add(new ProxyRules.BackendRef(name, name.contains("%["), cond, at(line)));
        px.useBackends().add(new org.jhaproxy.config.model.BackendRef(name, at(line), name.contains("%[")));
        return err;
    }

    static int useServer(ParseContext ctx, Line line, ProxyBuilder px) {
        if (!notInDefaults(ctx, line, px)) {
            return ErrCode.ALERT_FATAL;
        }
        int err = ErrCode.NONE;
        if (RuleWarnings.notCapable(ctx, line, px, ProxyCapability.BACKEND, line.keyword())) {
            err |= ErrCode.WARN;
        }
        if (line.arg(1).isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s] : '%s' expects a server name.", where(line), line.keyword()));
            return ErrCode.ALERT_FATAL;
        }
        if (!line.arg(2).equals("if") && !line.arg(2).equals("unless")) {
            ctx.diag().alert(String.format("parsing [%s] : '%s' requires either 'if' or 'unless' followed by a condition.", where(line), line.keyword()));
            return ErrCode.ALERT_FATAL;
        }
        AclCondition cond;
        try {
            cond = RuleParsers.of(ctx).conditions().parse(line.args(), 2, px.rules().acls(), at(line));
        } catch (ExprError e) {
            ctx.diag().alert(String.format("parsing [%s] : error detected while parsing switching rule : %s.", where(line), e.getMessage()));
            return ErrCode.ALERT_FATAL;
        }
        err |= RuleWarnings.condConflicts(ctx, line, cond, CheckPlace.BE_SET_SRV.bit());
        px.rules().useServers().add(new ProxyRules.Rule(null, line.arg(1), false, cond, at(line)));
        return err;
    }

    static int persist(ParseContext ctx, Line line, ProxyBuilder px) {
        if (!notInDefaults(ctx, line, px)) {
            return ErrCode.ALERT_FATAL;
        }
        int err = ErrCode.NONE;
        if (RuleWarnings.notCapable(ctx, line, px, ProxyCapability.BACKEND, line.keyword())) {
            err |= ErrCode.WARN;
        }
        if (!line.arg(1).equals("if") && !line.arg(1).equals("unless")) {
            ctx.diag().alert(String.format("parsing [%s] : '%s' requires either 'if' or 'unless' followed by a condition.", where(line), line.keyword()));
            return ErrCode.ALERT_FATAL;
        }
        AclCondition cond;
        try {
            cond = RuleParsers.of(ctx).conditions().parse(line.args(), 1, px.rules().acls(), at(line));
        } catch (ExprError e) {
            ctx.diag().alert(String.format("parsing [%s] : error detected while parsing a '%s' rule : %s.", where(line), line.keyword(), e.getMessage()));
            return ErrCode.ALERT_FATAL;
        }
        err |= RuleWarnings.condConflicts(ctx, line, cond, CheckPlace.BE_REQ_CNT.bit());
        px.rules().persistRules().add(new ProxyRules.Rule(null, line.keyword(), false, cond, at(line)));
        return err;
    }

    static int redirect(ParseContext ctx, Line line, ProxyBuilder px) {
        if (!notInDefaults(ctx, line, px)) {
            return ErrCode.ALERT_FATAL;
        }
        ActionContext ac = new ActionContext(ctx, px, RuleSet.HTTP_REQ, line.args(), RuleParsers.of(ctx), at(line));
        AclCondition cond;
        try {
            cond = Redirects.parse(ac, 1, false);
        } catch (ExprError e) {
            ctx.diag().alert(String.format("parsing [%s] : error detected in %s '%s' while parsing redirect rule : %s.",
                    where(line), ProxyTypes.typeName(px), px.name(), e.getMessage()));
            return ErrCode.ALERT_FATAL;
        }
        ProxyRules r = px.rules();
        r.redirects().add(new ProxyRules.Rule(RuleSet.HTTP_REQ, "redirect", true, cond, at(line), ProxyRules.wordsBeforeCondition(line.args(), 0)));
        px.rules("redirect").add(at(line));
        RuleWarnings.misplacedRedirect(ctx, line, r, line.keyword());
        return RuleWarnings.condConflicts(ctx, line, cond, RuleSet.HTTP_REQ.places(ProxyTypes.has(px, ProxyCapability.FRONTEND), ProxyTypes.has(px, ProxyCapability.BACKEND)));
    }

    static int monitor(ParseContext ctx, Line line, ProxyBuilder px) {
        if (!notInDefaults(ctx, line, px)) {
            return ErrCode.ALERT_FATAL;
        }
        int err = ErrCode.NONE;
        if (RuleWarnings.notCapable(ctx, line, px, ProxyCapability.FRONTEND, line.keyword())) {
            err |= ErrCode.WARN;
        }
        if (!line.arg(1).equals("fail")) {
            ctx.diag().alert(String.format("parsing [%s] : '%s' only supports 'fail'.", where(line), line.keyword()));
            return ErrCode.ALERT_FATAL;
        }
        if (!line.arg(2).equals("if") && !line.arg(2).equals("unless")) {
            ctx.diag().alert(String.format("parsing [%s] : '%s %s' requires either 'if' or 'unless' followed by a condition.",
                    where(line), line.arg(0), line.arg(1)));
            return ErrCode.ALERT_FATAL;
        }
        RuleWarnings.misplacedMonitor(ctx, line, px.rules(), "monitor fail");
        AclCondition cond;
        try {
            cond = RuleParsers.of(ctx).conditions().parse(line.args(), 2, px.rules().acls(), at(line));
        } catch (ExprError e) {
            ctx.diag().alert(String.format("parsing [%s] : error detected while parsing a '%s %s' condition : %s.",
                    where(line), line.arg(0), line.arg(1), e.getMessage()));
            return ErrCode.ALERT_FATAL;
        }
        px.rules().monitorFail().add(cond);
        return err;
    }

    static int monitorUri(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (RuleWarnings.notCapable(ctx, line, px, ProxyCapability.FRONTEND, line.keyword())) {
            err |= ErrCode.WARN;
        }
        if (line.count() > 2) {
            ctx.diag().alert(String.format("parsing [%s] : '%s' cannot handle unexpected argument '%s'.", where(line), line.keyword(), line.arg(2)));
            return err | ErrCode.ALERT_FATAL;
        }
        if (line.arg(1).isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s] : '%s' expects an URI.", where(line), line.keyword()));
            return err | ErrCode.ALERT_FATAL;
        }
        px.rules().monitorUri(line.arg(1));
        px.monitorUri(line.arg(1));
        return err;
    }

}
