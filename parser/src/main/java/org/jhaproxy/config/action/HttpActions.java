package org.jhaproxy.config.action;

import org.jhaproxy.config.rules.ProxyTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.Units;

/**
 * The actions of http-request, http-response and http-after-response (configuration.txt
 * sections 4.2 "http-request", ... ; http_act.c), listed in the order HAProxy registers them.
 */
public final class HttpActions {
    private HttpActions() {
    }

    static final String REQUEST = "wait-for-handshake ot-group set-log-level set-nice use-service sc-inc-gpc(*) sc-inc-gpc0(*) "
            + "sc-inc-gpc1(*) sc-set-gpt(*) sc-set-gpt0(*) send-spoe-group do-resolve(*) cache-use add-acl(*) add-header allow "
            + "auth capture del-acl(*) del-header del-map(*) deny disable-l7-retry early-hint normalize-uri redirect reject "
            + "replace-header replace-path replace-pathq replace-uri replace-value return set-header set-map(*) set-method "
            + "set-path set-pathq set-query set-uri strict-mode tarpit track-sc(*) set-timeout wait-for-body set-var-fmt(*) "
            + "set-var(*) unset-var(*) set-dst set-dst-port set-mark set-src set-src-port set-tos silent-drop "
            + "set-priority-class set-priority-offset";
    static final String RESPONSE = "ot-group set-log-level set-nice sc-inc-gpc(*) sc-inc-gpc0(*) sc-inc-gpc1(*) sc-set-gpt(*) "
            + "sc-set-gpt0(*) send-spoe-group cache-store add-acl(*) add-header allow capture del-acl(*) del-header del-map(*) "
            + "deny redirect replace-header replace-value return set-header set-map(*) set-status strict-mode track-sc(*) "
            + "wait-for-body set-var-fmt(*) set-var(*) unset-var(*) set-mark set-tos silent-drop";
    static final String AFTER_RESPONSE = "ot-group add-header allow capture del-header replace-header replace-value set-header "
            + "set-status strict-mode set-var-fmt(*) set-var(*) unset-var(*)";

    private static final Set<String> FINAL = Set.of("allow", "deny", "reject", "tarpit", "auth", "redirect", "return",
            "silent-drop", "use-service");


    static ActionTable table(String names) {
        List<ActionKeyword> out = new ArrayList<>();
        for (String n : names.split(" ")) {
            boolean prefix = n.endsWith("(*)");
            String name = prefix ? n.substring(0, n.length() - 3) : n;
            out.add(new ActionKeyword(name, prefix, FINAL.contains(name), parser(name)));
        }
        return new ActionTable(out);
    }

    private static final Map<String, ActionParser> PARSERS = Map.ofEntries(
            Map.entry("allow", ActionArgs::none),
            Map.entry("wait-for-handshake", ActionArgs::none),
            Map.entry("disable-l7-retry", ActionArgs::none),
            Map.entry("silent-drop", ActionArgs::none),
            Map.entry("deny", HttpReplies::denyOrTarpit),
            Map.entry("tarpit", HttpReplies::denyOrTarpit),
            Map.entry("return", HttpReplies::returnAction),
            Map.entry("reject", ActionArgs::none),
            Map.entry("auth", HttpActions::auth),
            Map.entry("redirect", HttpActions::redirect),
            Map.entry("add-header", HttpActions::header),
            Map.entry("set-header", HttpActions::header),
            Map.entry("early-hint", HttpActions::header),
            Map.entry("del-header", HttpActions::delHeader),
            Map.entry("replace-header", HttpActions::replaceHeader),
            Map.entry("replace-value", HttpActions::replaceHeader),
            Map.entry("set-method", HttpActions::requestLine),
            Map.entry("set-path", HttpActions::requestLine),
            Map.entry("set-pathq", HttpActions::requestLine),
            Map.entry("set-query", HttpActions::requestLine),
            Map.entry("set-uri", HttpActions::requestLine),
            Map.entry("replace-path", HttpActions::replaceUri),
            Map.entry("replace-pathq", HttpActions::replaceUri),
            Map.entry("replace-uri", HttpActions::replaceUri),
            Map.entry("set-status", HttpActions::setStatus),
            Map.entry("capture", HttpActions::capture),
            Map.entry("track-sc", HttpActions::trackSc),
            Map.entry("set-var-fmt", CommonActions::setVar),
            Map.entry("set-var", CommonActions::setVar),
            Map.entry("unset-var", CommonActions::setVar),
            Map.entry("set-src", CommonActions::exprAction),
            Map.entry("set-dst", CommonActions::exprAction),
            Map.entry("set-src-port", CommonActions::exprAction),
            Map.entry("set-dst-port", CommonActions::exprAction),
            Map.entry("set-priority-class", CommonActions::exprAction),
            Map.entry("set-priority-offset", CommonActions::exprAction),
            Map.entry("use-service", CommonActions::useService),
            Map.entry("strict-mode", HttpActions::strictMode),
            Map.entry("set-log-level", StreamActions::setLogLevel),
            Map.entry("wait-for-body", StreamActions::waitForBody),
            Map.entry("set-nice", StreamActions::setNice),
            Map.entry("set-timeout", StreamActions::setTimeout),
            Map.entry("sc-inc-gpc", CounterActions::incGpc),
            Map.entry("sc-inc-gpc0", CounterActions::incGpc),
            Map.entry("sc-inc-gpc1", CounterActions::incGpc),
            Map.entry("sc-set-gpt", CounterActions::setGpt),
            Map.entry("sc-set-gpt0", CounterActions::setGpt));

    public static final ActionTable HTTP_REQUEST = table(REQUEST);
    public static final ActionTable HTTP_RESPONSE = table(RESPONSE);
    public static final ActionTable HTTP_AFTER_RESPONSE = table(AFTER_RESPONSE);

    private static ActionParser parser(String name) {
        return PARSERS.getOrDefault(name, ActionArgs::untilCondition);
    }

    private static int auth(ActionContext ac, int cur) {
        if (ac.arg(cur).equals("realm")) {
            return cur + 2;
        }
        return cur;
    }

    /** http_parse_redirect_rule() in its log-format flavour; it reads its own condition. */
    private static int redirect(ActionContext ac, int cur) throws ExprError {
        AclCondition cond = Redirects.parse(ac, cur, true);
        ac.condition(cond);
        return ac.args().size();
    }

    private static int header(ActionContext ac, int cur) throws ExprError {
        if (ac.arg(cur).isEmpty() || ac.arg(cur + 1).isEmpty()) {
            throw new ExprError("expects exactly 2 arguments");
        }
        ActionArgs.logFormat(ac, ac.arg(cur + 1));
        return cur + 2;
    }

    private static int delHeader(ActionContext ac, int cur) throws ExprError {
        if (ac.arg(cur).isEmpty()) {
            throw new ExprError("expects at least 1 argument");
        }
        if (ac.arg(cur + 1).equals("-m")) {
            cur++;
            if (ac.arg(cur + 1).isEmpty()) {
                throw new ExprError("-m flag expects exactly 1 argument");
            }
            cur++;
            String m = ac.arg(cur);
            if (!Set.of("str", "beg", "end", "sub", "reg").contains(m)) {
                throw new ExprError("-m with unsupported matching method '" + m + "'");
            }
            if (m.equals("reg")) {
                org.jhaproxy.config.sample.RegexCheck.check(ac.arg(cur - 2));
            }
        }
        return cur + 1;
    }

    private static int replaceHeader(ActionContext ac, int cur) throws ExprError {
        if (ac.arg(cur).isEmpty() || ac.arg(cur + 1).isEmpty() || ac.arg(cur + 2).isEmpty()) {
            throw new ExprError("expects exactly 3 arguments");
        }
        org.jhaproxy.config.sample.RegexCheck.check(ac.arg(cur + 1));
        ActionArgs.logFormat(ac, ac.arg(cur + 2));
        return cur + 3;
    }

    private static int requestLine(ActionContext ac, int cur) throws ExprError {
        if (ac.arg(cur).isEmpty() || !ac.endsAt(cur + 1)) {
            throw new ExprError("expects exactly 1 argument <format>");
        }
        ActionArgs.logFormat(ac, ac.arg(cur));
        return cur + 1;
    }

    private static int replaceUri(ActionContext ac, int cur) throws ExprError {
        if (ac.arg(cur).isEmpty() || ac.arg(cur + 1).isEmpty() || !ac.endsAt(cur + 2)) {
            throw new ExprError("expects exactly 2 arguments <match-regex> and <replace-format>");
        }
        try {
            org.jhaproxy.config.sample.RegexCheck.check(ac.arg(cur));
        } catch (ExprError e) {
            throw new ExprError("failed to parse the regex : " + e.getMessage());
        }
        ActionArgs.logFormat(ac, ac.arg(cur + 1));
        return cur + 2;
    }

    private static int setStatus(ActionContext ac, int cur) throws ExprError {
        if (ac.arg(cur).isEmpty()) {
            throw new ExprError("expects 1 argument: <status>; or 3 arguments: <status> reason <fmt>");
        }
        String s = ac.arg(cur);
        if (!s.matches("[0-9]+") || s.length() > 4 || Integer.parseInt(s) < 100 || Integer.parseInt(s) > 999) {
            throw new ExprError("expects an integer status code between 100 and 999");
        }
        cur++;
        if (ac.arg(cur).equals("reason") && !ac.arg(cur + 1).isEmpty()) {
            cur += 2;
        }
        return cur;
    }

    private static int strictMode(ActionContext ac, int cur) throws ExprError {
        if (ac.arg(cur).isEmpty()) {
            throw new ExprError("expects exactly 1 arguments");
        }
        if (!ac.arg(cur).equals("on") && !ac.arg(cur).equals("off")) {
            throw new ExprError("Unexpected value '" + ac.arg(cur) + "'. Only 'on' and 'off' are supported");
        }
        return cur + 1;
    }

    /** http-request capture &lt;expr&gt; len &lt;n&gt; | id &lt;n&gt;; http-response capture &lt;expr&gt; id &lt;n&gt;. */
    private static int capture(ActionContext ac, int cur) throws ExprError {
        boolean request = ac.set() == RuleSet.HTTP_REQ;
        int c = cur;
        for (; c < cur + 3 && !ac.arg(c).isEmpty(); c++) {
            if (ac.arg(c).equals("if") || ac.arg(c).equals("unless")) {
                break;
            }
        }
        if (c < cur + 3) {
            throw new ExprError(request ? "expects <expression> [ 'len' <length> | id <idx> ]" : "expects <expression> id <idx>");
        }
        cur = ActionArgs.expr(ac, cur, null);
        String w = ac.arg(cur);
        if (w.isEmpty()) {
            throw new ExprError(request ? "expects 'len or 'id'" : "expects 'id'");
        }
        if (request && w.equals("len")) {
            if (!ac.frontend()) {
                throw new ExprError("proxy '" + ac.px().name() + "' has no frontend capability");
            }
            if (atoi(ac.arg(cur + 1)) <= 0) {
                throw new ExprError("length must be > 0");
            }
            return cur + 2;
        }
        if (w.equals("id")) {
            String id = ac.arg(cur + 1);
            if (!id.matches("-?[0-9]*")) {
                throw new ExprError("cannot parse id '" + id + "'");
            }
            return cur + 2;
        }
        throw new ExprError(request ? "expects 'len' or 'id', found '" + w + "'" : "expects 'id', found '" + w + "'");
    }

    private static int trackSc(ActionContext ac, int cur) throws ExprError {
        ActionArgs.trackScNumber(ac.arg(cur - 1).substring("track-sc".length()));
        cur = ActionArgs.expr(ac, cur, null);
        if (ac.arg(cur).equals("table")) {
            if (ac.arg(cur + 1).isEmpty()) {
                throw new ExprError("missing table name");
            }
            cur += 2;
        }
        return cur;
    }

    static int atoi(String s) {
        int i = 0;
        int sign = 1;
        long v = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            sign = s.charAt(i) == '-' ? -1 : 1;
            i++;
        }
        while (i < s.length() && Character.isDigit(s.charAt(i)) && v < Integer.MAX_VALUE) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, sign * v));
    }

    static Long time(String s) {
        return Units.parseTime(s);
    }
}
