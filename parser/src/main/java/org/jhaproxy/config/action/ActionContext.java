package org.jhaproxy.config.action;

import org.jhaproxy.config.rules.ProxyTypes;
import java.util.List;
import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.rules.RuleParsers;
import org.jhaproxy.config.source.ParseContext;

/**
 * What an action parser sees: the words of the rule (args[0] is the action name, as in
 * HAProxy's action parsers), the rule set, the proxy, and the shared expression parsers. An
 * action that reads its own condition (redirect) leaves it here.
 */
public final class ActionContext {
    private final ParseContext ctx;
    private final ProxyBuilder px;
    private final RuleSet set;
    private final List<String> args;
    private final RuleParsers parsers;
    private final Position at;
    private AclCondition condition;
    private boolean conditionParsed;

    public ActionContext(ParseContext ctx, ProxyBuilder px, RuleSet set, List<String> args, RuleParsers parsers, Position at) {
        this.ctx = ctx;
        this.px = px;
        this.set = set;
        this.args = args;
        this.parsers = parsers;
        this.at = at;
    }

    public ParseContext ctx() {
        return ctx;
    }

    public ProxyBuilder px() {
        return px;
    }

    public RuleSet set() {
        return set;
    }

    public List<String> args() {
        return args;
    }

    public RuleParsers parsers() {
        return parsers;
    }

    public Position at() {
        return at;
    }

    public String arg(int i) {
        return i >= 0 && i < args.size() ? args.get(i) : "";
    }

    public boolean frontend() {
        return ProxyTypes.has(px, ProxyCapability.FRONTEND);
    }

    public boolean backend() {
        return ProxyTypes.has(px, ProxyCapability.BACKEND);
    }

    /** The places this rule's expressions are evaluated at. */
    public int places() {
        return set.places(frontend(), backend());
    }

    /** True when word i ends the action: nothing, "if" or "unless". */
    public boolean endsAt(int i) {
        String w = arg(i);
        return w.isEmpty() || w.equals("if") || w.equals("unless");
    }

    public AclCondition condition() {
        return condition;
    }

    public boolean conditionParsed() {
        return conditionParsed;
    }

    public void condition(AclCondition c) {
        this.condition = c;
        this.conditionParsed = true;
    }
}
