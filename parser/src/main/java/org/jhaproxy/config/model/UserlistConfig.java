package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A "userlist" section, frozen (configuration.txt 3.4): its users with their password (a
 * crypt(3) hash, or clear text for "insecure-password") and the groups they name, and its
 * groups with the users they name, in declaration order. The names were checked against each
 * other by userlist_postinit(); who belongs to which group is the union of both sides.
 */
public record UserlistConfig(String name, Position at, List<User> users, List<Group> groups) {
    /** A user entry of the section as the parser records it: {groups, password kind, password}. */
    public static final int USER_GROUPS = 0;
    public static final int USER_KIND = 1;
    public static final int USER_PASSWORD = 2;
    /** The password kinds: none given, a crypt(3) hash ("password"), clear text ("insecure-password"). */
    public static final String NO_PASSWORD = "none";
    public static final String CRYPT = "password";
    public static final String INSECURE = "insecure-password";

    /**
     * One "user" line. {@code password} is null when none was given: such a user never
     * authenticates. {@code insecure}: the password is compared as written, not through crypt(3).
     */
    public record User(String name, String password, boolean insecure, List<String> groups, Position at) {
        public User {
            groups = List.copyOf(groups);
        }
    }

    /** One "group" line and the users it names ("users a,b"). */
    public record Group(String name, List<String> users, Position at) {
        public Group {
            users = List.copyOf(users);
        }
    }

    public UserlistConfig {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
    }

    static UserlistConfig freeze(NamedSection section) {
        List<User> users = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        for (NamedSection.Entry e : section.entries().values()) {
            if (e.kind().equals("user")) {
                String kind = e.args().get(USER_KIND);
                users.add(new User(e.name(), kind.equals(NO_PASSWORD) ? null : e.args().get(USER_PASSWORD),
                        kind.equals(INSECURE), names(e.args().get(USER_GROUPS)), e.at()));
            } else if (e.kind().equals("group")) {
                groups.add(new Group(e.name(), e.args().isEmpty() ? List.of() : names(e.args().get(0)), e.at()));
            }
        }
        return new UserlistConfig(section.name(), section.at(), users, groups);
    }

    /** strtok(list, ","): the non-empty comma-separated names. */
    private static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list.split(",")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
