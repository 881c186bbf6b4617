package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.action.ActionContext;
import org.jhaproxy.config.action.ActionKeyword;
import org.jhaproxy.config.action.RuleSet;
import org.jhaproxy.config.action.TcpActions;
import org.jhaproxy.config.model.CheckRuleSet;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.rules.RuleParsers;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The health check rule keywords: "http-check" and "tcp-check" (tcpcheck.c) and
 * "external-check" (extcheck.c). Rule arguments are only checked for their verb here.
 */
final class CheckKeywords {
    private CheckKeywords() {
    }

    /** tcp-check actions registered besides the built-in verbs (action_kw_tcp_check_build_list()). */
    private static final String ACTIONS = "'set-var-fmt(*)', 'set-var(*)', 'unset-var(*)'";

    static int httpCheck(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, line.arg(0), null)) {
            err |= ErrCode.WARN;
        }
        String verb = checkActionVerb(line.arg(1));
        switch (verb) {
            case "disable-on-404", "send-state" -> {
                if (!line.arg(2).isEmpty()) {
                    return err | ProxyChecks.alert(ctx, line, String.format("'%s' cannot handle unexpected argument '%s'.", line.arg(0), line.arg(2)));
                }
                if (verb.equals("disable-on-404")) {
                    px.checks().disableOn404(true);
                } else {
                    px.checks().sendState(true);
                }
                return err;
            }
            case "connect", "send", "expect", "comment", "set-var-fmt", "set-var", "unset-var" -> {
                int rule = parseRule(ctx, line, px, px.checks().httpCheckRuleSet(), true);
                if (rule != ErrCode.NONE) {
                    return err | rule;
                }
                if (!"httpchk".equals(px.checks().type())) {
                    px.checks().httpCheckRules(true);
                }
                return err;
            }
            default -> {
                return err | ProxyChecks.alert(ctx, line, String.format("'%s' only supports 'disable-on-404', 'send-state', 'comment', 'connect',"
                        + " 'send', 'expect', %s. but got '%s'", line.arg(0), ACTIONS, line.arg(1)));
            }
        }
    }

    static int tcpCheck(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = ErrCode.NONE;
        if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, line.arg(0), null)) {
            err |= ErrCode.WARN;
        }
        String verb = checkActionVerb(line.arg(1));
        switch (verb) {
            case "connect", "send", "send-binary", "send-lf", "send-binary-lf", "expect", "comment", "set-var-fmt", "set-var", "unset-var" -> {
                int rule = parseRule(ctx, line, px, px.checks().tcpCheckRuleSet(), false);
                if (rule != ErrCode.NONE) {
                    return err | rule;
                }
                if (!"tcp-check".equals(px.checks().type())) {
                    px.checks().tcpCheckRules(true);
                }
                return err;
            }
            default -> {
                return err | ProxyChecks.alert(ctx, line, String.format("'%s' only supports 'comment', 'connect', 'send', 'send-binary', 'expect', %s. but got '%s'",
                        line.arg(0), ACTIONS, line.arg(1)));
            }
        }
    }

    /**
     * One rule of proxy_parse_tcpcheck()/proxy_parse_httpcheck(): parsed by its action's parser,
     * then appended to the section's ruleset; a refused rule gives "'<kw> <action>' : <why>.".
     */
    private static int parseRule(ParseContext ctx, Line line, ProxyBuilder px, CheckRuleSet rules, boolean http) {
        CheckRuleParser p = new CheckRuleParser(ctx, line, http);
        CheckRuleSet.Rule rule;
        try {
            rule = switch (line.arg(1)) {
                case "connect" -> p.connect(rules);
                case "send" -> http ? p.sendHttp() : p.send();
                case "send-binary", "send-lf", "send-binary-lf" -> p.send();
                case "expect" -> p.expect();
                case "comment" -> p.comment();
                default -> action(ctx, line, px);
            };
        } catch (CheckRuleParser.RuleError e) {
            return ProxyChecks.alert(ctx, line, String.format("'%s %s' : %s.", line.arg(0), line.arg(1), e.getMessage()));
        }
        rules.add(rule);
        return ErrCode.NONE;
    }

    /**
     * action_kw_tcp_check_lookup(): the check actions are prefix keywords ("set-var(txn.x)"),
     * tried in registration order; returns the keyword matched or the word itself.
     */
    private static String checkActionVerb(String word) {
        for (String kw : new String[] {"set-var-fmt", "set-var", "unset-var"}) {
            if (word.startsWith(kw)) {
                return kw;
            }
        }
        return word;
    }

    /** parse_tcpcheck_action(): the action's own parser (vars.c parse_store()); "'kw' : why" on error. */
    private static CheckRuleSet.Rule action(ParseContext ctx, Line line, ProxyBuilder px) throws CheckRuleParser.RuleError {
        String kw = checkActionVerb(line.arg(1));
        ActionKeyword action = TcpActions.CONTENT_TABLE.find(line.arg(1));
        if (action != null) {
            ActionContext ac = new ActionContext(ctx, px, RuleSet.TCP_REQ_CONT, line.args(), RuleParsers.of(ctx),
                    new Position(line.file(), line.lineNo()));
            try {
                action.parser().parse(ac, 2);
            } catch (ExprError e) {
                throw new CheckRuleParser.RuleError(String.format("'%s' : %s", kw, e.getMessage()));
            }
        }
        return new CheckRuleSet.Rule(CheckRuleSet.Action.ACTION_KW, false);
    }

    static int externalCheck(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        String sub = line.arg(1);
        if (sub.isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("missing argument after '%s'.\n", kw));
        }
        if (!sub.equals("command") && !sub.equals("path")) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' only supports 'command' and 'path'. but got '%s'.", kw, sub));
        }
        if (!line.arg(3).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' cannot handle unexpected argument '%s'.", kw, line.arg(3)));
        }
        if (line.arg(2).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("missing argument after '%s'.", sub));
        }
        if (sub.equals("command")) {
            px.checks().externalCommand(line.arg(2));
        } else {
            px.checks().externalPath(line.arg(2));
        }
        return ErrCode.NONE;
    }

    static int compression(ParseContext ctx, Line line, ProxyBuilder px) {
        String kw = line.arg(0);
        switch (line.arg(1)) {
            case "algo" -> {
                if (line.arg(2).isEmpty()) {
                    return ProxyChecks.alert(ctx, line, String.format("parsing [%s:%d] : '%s' expects <algorithm>.", line.file(), line.lineNo(), kw));
                }
                for (int i = 2; !line.arg(i).isEmpty(); i++) {
                    String a = line.arg(i);
                    if (!a.equals("identity") && !a.equals("deflate") && !a.equals("raw-deflate") && !a.equals("gzip")) {
                        return ProxyChecks.alert(ctx, line, String.format("'%s' : '%s' is not a supported algorithm.", kw, a));
                    }
                }
            }
            case "offload" -> {
                if (px.isDefaults()) {
                    return ProxyChecks.warn(ctx, line, String.format("'%s' : '%s' ignored in 'defaults' section.", kw, line.arg(1)));
                }
            }
            case "type" -> {
                if (line.arg(2).isEmpty()) {
                    return ProxyChecks.alert(ctx, line, String.format("'%s' expects <type>.", kw));
                }
            }
            default -> {
                return ProxyChecks.alert(ctx, line, String.format("'%s' expects 'algo', 'type' or 'offload'", kw));
            }
        }
        return ErrCode.NONE;
    }
}
