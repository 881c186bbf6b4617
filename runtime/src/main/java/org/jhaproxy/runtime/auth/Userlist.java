package org.jhaproxy.runtime.auth;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.model.UserlistConfig;

/**
 * A running userlist (auth.c): who its users are, their passwords, and which groups each one
 * belongs to (the groups a user names plus the groups naming the user). Immutable: nothing in
 * haproxy 2.6 changes a userlist at run time.
 */
public final class Userlist {
    /**
     * The userlist keywords executed, as RuntimeSupport lists them (runtime cases 840-8xx); the
     * fetches and "http-request auth" are listed with the other fetches and actions.
     */
    public static final Set<String> EXECUTED = Set.of("userlist userlist", "userlist user", "userlist group");

    /** A user's password: a crypt(3) hash, or the text itself when {@code insecure}; null: none. */
    private record Password(String text, boolean insecure) {
    }

    private final String name;
    private final Map<String, Password> passwords = new HashMap<>();
    private final Map<String, Set<String>> groups = new HashMap<>();

    private Userlist(String name) {
        this.name = name;
    }

    public static Userlist of(UserlistConfig c) {
        Userlist ul = new Userlist(c.name());
        for (UserlistConfig.User u : c.users()) {
            ul.passwords.put(u.name(), new Password(u.password(), u.insecure()));
            ul.groups.computeIfAbsent(u.name(), k -> new HashSet<>()).addAll(u.groups());
        }
        for (UserlistConfig.Group g : c.groups()) {
            for (String u : g.users()) {
                ul.groups.computeIfAbsent(u, k -> new HashSet<>()).add(g.name());
            }
        }
        return ul;
    }

    /**
     * The userlist of "stats auth user:password" lines (stats_add_auth()): clear-text
     * passwords, everything after the first ':' (empty without one); a user named twice keeps
     * its first line.
     */
    public static Userlist statsAuth(List<String> auth) {
        Userlist ul = new Userlist(".internal-stats-userlist");
        for (String line : auth) {
            int colon = line.indexOf(':');
            String user = colon < 0 ? line : line.substring(0, colon);
            String pass = colon < 0 ? "" : line.substring(colon + 1);
            ul.passwords.putIfAbsent(user, new Password(pass, true));
        }
        return ul;
    }

    public String name() {
        return name;
    }

    /** check_user(): the user exists and the password is right (through crypt(3) unless insecure). */
    public boolean checkUser(String user, String pass) {
        Password p = passwords.get(user);
        if (p == null || p.text() == null) {
            return false;
        }
        return p.insecure() ? p.text().equals(pass) : Crypt.matches(pass, p.text());
    }

    /** pat_match_auth(): the user belongs to at least one of these groups. */
    public boolean inGroup(String user, Collection<String> names) {
        Set<String> of = groups.get(user);
        if (of == null) {
            return false;
        }
        for (String g : names) {
            if (of.contains(g)) {
                return true;
            }
        }
        return false;
    }
}
