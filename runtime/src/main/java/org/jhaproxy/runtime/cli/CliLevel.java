package org.jhaproxy.runtime.cli;

/**
 * A stats socket's access level ("level user|operator|admin" on "stats socket"), haproxy's
 * ACCESS_LVL_*: a command above the session's level answers "Permission denied".
 */
public enum CliLevel {
    USER, OPERATOR, ADMIN;

    /** cli_has_level(): this session may run a command needing {@code needed}. */
    public boolean allows(CliLevel needed) {
        return compareTo(needed) >= 0;
    }

    /** The word "show cli level" prints and "level" takes. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CliLevel of(String word) {
        for (CliLevel l : values()) {
            if (l.word().equals(word)) {
                return l;
            }
        }
        return null;
    }
}
