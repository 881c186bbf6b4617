package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The names a proxy's rules and expressions refer to, kept as text while the files are read
 * and resolved in check_config_validity() once every section is known (HAProxy's
 * proxy->conf.args list, the track-sc/capture arguments of act_rule, the cache filters).
 */
public final class ProxyReferences {
    /**
     * One unresolved argument of a fetch or converter (HAProxy's struct arg_list entry):
     * {@code type} is the ArgType name (BE, FE, SRV, TAB, USR), {@code argPos} 0-based,
     * {@code conv} the converter keyword or null, {@code kw} the fetch keyword, {@code acl}
     * true for an ACL expression, {@code where} the context words ("in", "in http-request
     * expression in"...).
     */
    public record PendingArg(String type, String text, int argPos, String conv, String kw, boolean acl, String where, Position at) {
    }

    /**
     * An action that check_action_rules() verifies: "track-sc*" (target: its table or null) or
     * "capture" (target: the slot id); {@code fetch} is the first word of its expression.
     */
    public record ActionRef(String ruleSet, String action, String target, String fetch, Position at) {
    }

    private final List<PendingArg> args = new ArrayList<>();
    private final List<ActionRef> actions = new ArrayList<>();
    private final List<String> caches = new ArrayList<>();
    private String peers;

    public List<PendingArg> args() {
        return args;
    }

    public List<ActionRef> actions() {
        return actions;
    }

    /** The cache names of the proxy's cache filters, in declaration order, each once. */
    public List<String> caches() {
        return caches;
    }

    /** The "peers" section named by the proxy's stick-table, or null. */
    public String peers() {
        return peers;
    }

    public void peers(String name) {
        this.peers = name;
    }

    private int failedLogFormats;

    /** Bits of the formats that failed to compile (1 log-format, 2 log-format-sd): they stay empty. */
    public int failedLogFormats() {
        return failedLogFormats;
    }

    public void failedLogFormat(int bit) {
        this.failedLogFormats |= bit;
    }
}
