package org.jhaproxy.config.action;

/**
 * An action of a rule set; a prefix keyword ("set-var(*)", "track-sc(*)") matches any action
 * starting with its name. A final action ends rule evaluation (allow, deny...).
 */
public record ActionKeyword(String name, boolean prefix, boolean isFinal, ActionParser parser) {
    public boolean matches(String word) {
        return prefix ? word.startsWith(name) : word.equals(name);
    }

    /** As action_build_list() shows it: 'name' or 'name(*)'. */
    public String listed() {
        return "'" + name + (prefix ? "(*)" : "") + "'";
    }
}
