package org.jhaproxy.config.action;

import org.jhaproxy.config.rules.ProxyTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleSources;

/**
 * The actions of tcp-request connection/session/content and tcp-response content
 * (configuration.txt "tcp-request connection" ...; tcp_rules.c): the built-in ones parsed in
 * place (accept, reject, capture, track-sc, expect-proxy...), then the registered ones, listed
 * in HAProxy's registration order.
 */
public final class TcpActions {
    private TcpActions() {
    }

    private static final String L4 = "sc-inc-gpc(*) sc-inc-gpc0(*) sc-inc-gpc1(*) sc-set-gpt(*) sc-set-gpt0(*) set-var-fmt(*) "
            + "set-var(*) unset-var(*) set-dst set-dst-port set-mark set-src set-src-port set-tos silent-drop";
    private static final String CONTENT = "ot-group set-log-level set-nice switch-mode use-service sc-inc-gpc(*) sc-inc-gpc0(*) "
            + "sc-inc-gpc1(*) sc-set-gpt(*) sc-set-gpt0(*) send-spoe-group do-resolve(*) set-var-fmt(*) set-var(*) unset-var(*) "
            + "set-src set-src-port set-dst set-dst-port set-mark set-tos silent-drop set-priority-class set-priority-offset";
    private static final String RESPONSE = "ot-group set-log-level set-nice sc-inc-gpc(*) sc-inc-gpc0(*) sc-inc-gpc1(*) "
            + "sc-set-gpt(*) sc-set-gpt0(*) send-spoe-group set-var-fmt(*) set-var(*) unset-var(*) set-mark set-tos silent-drop";

    private static final Map<String, ActionParser> PARSERS = Map.ofEntries(
            Map.entry("set-var-fmt", CommonActions::setVar),
            Map.entry("set-var", CommonActions::setVar),
            Map.entry("unset-var", CommonActions::setVar),
            Map.entry("set-src", CommonActions::exprAction),
            Map.entry("set-dst", CommonActions::exprAction),
            Map.entry("set-src-port", CommonActions::exprAction),
            Map.entry("set-dst-port", CommonActions::exprAction),
            Map.entry("use-service", CommonActions::useService),
            Map.entry("silent-drop", ActionArgs::none),
            Map.entry("set-log-level", StreamActions::setLogLevel),
            Map.entry("switch-mode", StreamActions::switchMode),
            Map.entry("set-nice", StreamActions::setNice),
            Map.entry("sc-inc-gpc", CounterActions::incGpc),
            Map.entry("sc-inc-gpc0", CounterActions::incGpc),
            Map.entry("sc-inc-gpc1", CounterActions::incGpc),
            Map.entry("sc-set-gpt", CounterActions::setGpt),
            Map.entry("sc-set-gpt0", CounterActions::setGpt));

    public static final ActionTable CONNECTION = table(L4);
    public static final ActionTable SESSION = table(L4);
    public static final ActionTable CONTENT_TABLE = table(CONTENT);
    public static final ActionTable RESPONSE_TABLE = table(RESPONSE);

    private static ActionTable table(String names) {
        List<ActionKeyword> out = new ArrayList<>();
        for (String n : names.split(" ")) {
            boolean prefix = n.endsWith("(*)");
            String name = prefix ? n.substring(0, n.length() - 3) : n;
            out.add(new ActionKeyword(name, prefix, name.equals("silent-drop") || name.equals("use-service"),
                    PARSERS.getOrDefault(name, ActionArgs::untilCondition)));
        }
        return new ActionTable(out);
    }

    public static ActionTable of(RuleSet set) {
        return switch (set) {
            case TCP_REQ_CONN -> CONNECTION;
            case TCP_REQ_SESS -> SESSION;
            case TCP_RES_CONT -> RESPONSE_TABLE;
            default -> CONTENT_TABLE;
        };
    }

    /**
     * tcp_parse_request_rule() from the action word {@code cur} (args are the whole line):
     * returns the index where a condition may start.
     */
    public static int parseRequestAction(ActionContext ac, int cur) throws ExprError {
        String a0 = ac.arg(0);
        String a1 = ac.arg(1);
        String what = ProxyTypes.typeName(ac.px()) + " '" + ac.px().name() + "'";
        String w = ac.arg(cur);
        if (w.equals("accept") || w.equals("reject")) {
            return cur + 1;
        }
        if (w.equals("capture")) {
            int kw = cur;
            if (!ac.frontend()) {
                throw new ExprError(String.format("'%s %s %s' : proxy '%s' has no frontend capability", a0, a1, ac.arg(kw), ac.px().name()));
            }
            if (ac.set() != RuleSet.TCP_REQ_CONT) {
                throw new ExprError(String.format("'%s %s' is not allowed in '%s %s' rules in %s", ac.arg(cur), ac.arg(cur + 1), a0, a1, what));
            }
            cur = expr(ac, cur + 1, kw);
            int len = 0;
            if (ac.arg(cur).equals("len")) {
                cur++;
                len = HttpActions.atoi(ac.arg(cur));
                if (len <= 0) {
                    throw new ExprError(String.format("'%s %s %s' : length must be > 0", a0, a1, ac.arg(kw)));
                }
                cur++;
            }
            if (len == 0) {
                throw new ExprError(String.format("'%s %s %s' : a positive 'len' argument is mandatory", a0, a1, ac.arg(kw)));
            }
            return cur;
        }
        if (w.startsWith("track-sc")) {
            int kw = cur;
            try {
                ActionArgs.trackScNumber(w.substring(8));
            } catch (ExprError e) {
                throw new ExprError(String.format("'%s %s %s' : %s", a0, a1, w, e.getMessage()));
            }
            cur = expr(ac, cur + 1, kw);
            if (ac.arg(cur).equals("table")) {
                cur++;
                cur++;
            }
            return cur;
        }
        if (w.equals("expect-proxy") || w.equals("expect-netscaler-cip")) {
            if (!ac.arg(cur + 1).equals("layer4")) {
                throw new ExprError(String.format("'%s %s %s' only supports 'layer4' in %s (got '%s')", a0, a1, w, what, ac.arg(cur + 1)));
            }
            if (ac.set() != RuleSet.TCP_REQ_CONN) {
                throw new ExprError(String.format("'%s %s' is not allowed in '%s %s' rules in %s", w, ac.arg(cur + 1), a0, a1, what));
            }
            return cur + 2;
        }
        ActionTable table = of(ac.set());
        ActionKeyword k = table.find(w);
        if (k == null) {
            String best = table.suggest(w, List.of("accept", "reject", "capture", "track-sc", "expect-proxy", "expect-netscaler-cip"));
            throw new ExprError(String.format("'%s %s' expects 'accept', 'reject', 'capture', 'expect-proxy', 'expect-netscaler-cip', "
                    + "'track-sc0' ... 'track-sc2', %s in %s (got '%s').%s\n", a0, a1, table.listed(), what, w,
                    best != null ? " Did you mean '" + best + "' maybe ?" : ""));
        }
        return k.parser().parse(ac, cur + 1);
    }

    /** tcp_parse_response_rule() from the action word. */
    public static int parseResponseAction(ActionContext ac, int cur) throws ExprError {
        String w = ac.arg(cur);
        if (w.equals("accept") || w.equals("reject") || w.equals("close")) {
            return cur + 1;
        }
        ActionKeyword k = RESPONSE_TABLE.find(w);
        if (k == null) {
            String best = RESPONSE_TABLE.suggest(w, List.of("accept", "reject", "close"));
            throw new ExprError(String.format("'%s %s' expects 'accept', 'close', 'reject', %s in %s '%s' (got '%s').%s",
                    ac.arg(0), ac.arg(1), RESPONSE_TABLE.listed(), ProxyTypes.typeName(ac.px()), ac.px().name(), w,
                    best != null ? " Did you mean '" + best + "' maybe ?" : ""));
        }
        return k.parser().parse(ac, cur + 1);
    }

    private static int expr(ActionContext ac, int cur, int kw) throws ExprError {
        SampleExprParser.Parsed p;
        try {
            p = ac.parsers().samples().parse(ac.args(), cur);
        } catch (ExprError e) {
            throw new ExprError(String.format("'%s %s %s' : %s", ac.arg(0), ac.arg(1), ac.arg(kw), e.getMessage()));
        }
        if (!p.expr().fetch().usableAt(ac.places())) {
            throw new ExprError(String.format("'%s %s %s' : fetch method '%s' extracts information from '%s', none of which is available here",
                    ac.arg(0), ac.arg(1), ac.arg(kw), ac.arg(p.nextWord() - 1), SampleSources.names(p.expr().fetch())));
        }
        return p.nextWord();
    }
}
