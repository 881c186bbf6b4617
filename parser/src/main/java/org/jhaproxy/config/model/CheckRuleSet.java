package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The "tcp-check" or "http-check" rules of one proxy section, in declaration order (tcpcheck.c's
 * tcpcheck_ruleset): what the post-parse checks need to know of each rule, i.e. its action and,
 * for a "connect", whether it names a port.
 */
public final class CheckRuleSet {
    /** A rule's action (tcpcheck.c's TCPCHK_ACT_*). */
    public enum Action { CONNECT, SEND, EXPECT, COMMENT, ACTION_KW }

    /** One rule; {@code port} tells whether a "connect" gives a port ("port" or "addr ip:port"). */
    public record Rule(Action action, boolean port) {
    }

    private final List<Rule> rules = new ArrayList<>();
    /** check_proxy_tcpcheck() put its implicit "connect" (no port) in front of the rules. */
    private boolean implicitConnect;

    public List<Rule> rules() {
        return rules;
    }

    public void add(Rule r) {
        rules.add(r);
    }

    /**
     * check_proxy_tcpcheck(): when the first rule is not a "connect", an implicit one without a
     * port is inserted before all others; proxies sharing this ruleset see it afterwards.
     */
    public void addImplicitConnect() {
        Rule first = first();
        if (first == null || first.action() != Action.CONNECT) {
            implicitConnect = true;
        }
    }

    public boolean isEmpty() {
        return rules.isEmpty() && !implicitConnect;
    }

    /** get_first_tcpcheck_rule(): the first rule that is not a comment nor a set-var/unset-var. */
    public Rule first() {
        if (implicitConnect) {
            return new Rule(Action.CONNECT, false);
        }
        for (Rule r : rules) {
            if (r.action() != Action.COMMENT && r.action() != Action.ACTION_KW) {
                return r;
            }
        }
        return null;
    }
}
