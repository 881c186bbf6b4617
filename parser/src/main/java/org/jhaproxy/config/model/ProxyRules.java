package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.acl.KnownAcls;
import org.jhaproxy.config.action.RuleSet;

/**
 * The ACLs and rules of one proxy section while it is parsed: the known ACLs, the rules of each
 * rule set (in order), the switching rules (use_backend, whose target names are checked once
 * every backend is known), redirect, use-server and monitor rules, stick rules and the stick-table.
 */
public final class ProxyRules {
    /**
     * One parsed rule: its set, its action word, its condition (or null), where it was written,
     * and its words from the action keyword up to the condition (what the runtime compiles).
     */
    public record Rule(RuleSet set, String action, boolean isFinal, AclCondition condition, Position at, List<String> words) {
        public Rule {
            words = List.copyOf(words);
        }

        public Rule(RuleSet set, String action, boolean isFinal, AclCondition condition, Position at) {
            this(set, action, isFinal, condition, at, List.of(action));
        }
    }

    /** A use_backend target: a name, or a log-format when it holds "%[" (checked only at runtime). */
    public record BackendRef(String name, boolean dynamic, AclCondition condition, Position at) {
    }

    /**
     * A "stick" rule: match/on/store-request/store-response ("store" is store-request), the table
     * it names (or null), and its words from the sample expression up to its condition.
     */
    public record StickRule(String kind, String table, AclCondition condition, Position at, List<String> words) {
        public StickRule {
            words = List.copyOf(words);
        }
    }

    /** The words of a rule line from {@code from} up to its "if"/"unless" (or its end). */
    public static List<String> wordsBeforeCondition(List<String> args, int from) {
        int end = from;
        while (end < args.size() && !args.get(end).isEmpty() && !args.get(end).equals("if") && !args.get(end).equals("unless")) {
            end++;
        }
        return args.subList(Math.min(from, end), end);
    }

    private final KnownAcls acls = new KnownAcls();
    private final Map<RuleSet, List<Rule>> rules = new EnumMap<>(RuleSet.class);
    private final List<BackendRef> useBackends = new ArrayList<>();
    private final List<Rule> redirects = new ArrayList<>();
    private final List<Rule> statsAdmin = new ArrayList<>();
    private final List<Rule> useServers = new ArrayList<>();
    private final List<AclCondition> monitorFail = new ArrayList<>();
    private final List<StickRule> stickRules = new ArrayList<>();
    private final List<Rule> persistRules = new ArrayList<>();
    private Long tcpRequestInspectDelay;
    private Long tcpResponseInspectDelay;
    private String monitorUri;
    private Position stickTable;
    private String stickTableType;

    public KnownAcls acls() {
        return acls;
    }

    public List<Rule> rules(RuleSet set) {
        return rules.computeIfAbsent(set, k -> new ArrayList<>());
    }

    public boolean hasRules(RuleSet set) {
        List<Rule> l = rules.get(set);
        return l != null && !l.isEmpty();
    }

    public List<BackendRef> useBackends() {
        return useBackends;
    }

    public List<Rule> redirects() {
        return redirects;
    }

    /** The "stats admin if|unless" rules, in order (the first that matches grants admin). */
    public List<Rule> statsAdmin() {
        return statsAdmin;
    }

    public List<Rule> useServers() {
        return useServers;
    }

    public List<AclCondition> monitorFail() {
        return monitorFail;
    }

    public List<StickRule> stickRules() {
        return stickRules;
    }

    public List<Rule> persistRules() {
        return persistRules;
    }

    public Long tcpRequestInspectDelay() {
        return tcpRequestInspectDelay;
    }

    public void tcpRequestInspectDelay(Long ms) {
        this.tcpRequestInspectDelay = ms;
    }

    public Long tcpResponseInspectDelay() {
        return tcpResponseInspectDelay;
    }

    public void tcpResponseInspectDelay(Long ms) {
        this.tcpResponseInspectDelay = ms;
    }

    public String monitorUri() {
        return monitorUri;
    }

    public void monitorUri(String uri) {
        this.monitorUri = uri;
    }

    /** Where the section's "stick-table" line is, or null. */
    public Position stickTable() {
        return stickTable;
    }

    public String stickTableType() {
        return stickTableType;
    }

    public void stickTable(Position at, String type) {
        this.stickTable = at;
        this.stickTableType = type;
    }

    /** True when some rule needs HTTP processing (the "require HTTP mode" checks use it). */
    public boolean hasHttpRules() {
        return hasRules(RuleSet.HTTP_REQ) || hasRules(RuleSet.HTTP_RES) || hasRules(RuleSet.HTTP_AFTER_RES) || !redirects.isEmpty();
    }
}
