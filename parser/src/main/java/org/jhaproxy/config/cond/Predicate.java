package org.jhaproxy.config.cond;

import java.util.List;
import java.util.function.Function;

/**
 * The predicates of conditional blocks (configuration.txt section 2.4, cfgcond.c
 * cond_predicates[]): a name and its string arguments, all of them mandatory.
 */
enum Predicate {
    DEFINED("defined", 1),
    FEATURE("feature", 1),
    STREQ("streq", 2),
    STRNEQ("strneq", 2),
    VERSION_ATLEAST("version_atleast", 1),
    VERSION_BEFORE("version_before", 1),
    OPENSSL_VERSION_ATLEAST("openssl_version_atleast", 1),
    OPENSSL_VERSION_BEFORE("openssl_version_before", 1),
    SSLLIB_NAME_STARTSWITH("ssllib_name_startswith", 1);

    /** What an evaluation that fails without a message returns (the OpenSSL version ones). */
    static final int ERROR = -1;

    final String word;
    final int args;

    Predicate(String word, int args) {
        this.word = word;
        this.args = args;
    }

    /** The predicate of that name (cfg_lookup_cond_pred), null if none; the name ends at a space or '('. */
    static Predicate named(String word) {
        for (Predicate p : values()) {
            if (p.word.equals(word)) {
                return p;
            }
        }
        return null;
    }

    /** 1 true, 0 false, {@link #ERROR} when HAProxy fails the evaluation. */
    int evaluate(List<String> a, Function<String, String> env) {
        return switch (this) {
            case DEFINED -> bool(env.apply(a.get(0)) != null);
            case FEATURE -> bool(feature(a.get(0)));
            case STREQ -> bool(a.get(0).equals(a.get(1)));
            case STRNEQ -> bool(!a.get(0).equals(a.get(1)));
            // an unparsable version compares as -3: "at least" is then true, "before" false
            case VERSION_ATLEAST -> bool(Versions.compareHaproxy(a.get(0)) <= 0);
            case VERSION_BEFORE -> bool(Versions.compareHaproxy(a.get(0)) > 0);
            case OPENSSL_VERSION_ATLEAST -> openssl(a.get(0), true);
            case OPENSSL_VERSION_BEFORE -> openssl(a.get(0), false);
            case SSLLIB_NAME_STARTSWITH -> bool(a.get(0).length() <= BuildInfo.SSL_LIBRARY.length()
                    && BuildInfo.SSL_LIBRARY.startsWith(a.get(0)));
        };
    }

    private static int openssl(String version, boolean atLeast) {
        int cmp = Versions.compareOpenssl(version);
        if (cmp < -1) {
            return ERROR;
        }
        return bool(atLeast ? cmp <= 0 : cmp > 0);
    }

    /**
     * The name must appear in the feature list as a whole word right after a '+' (enabled) or a
     * '-' (disabled); a match inside a longer name (JIT in PCRE2_JIT) is skipped. haproxy 2.6.12
     * answers true for an empty name (observed: `haproxy -cc 'feature()'` exits 0).
     */
    static boolean feature(String name) {
        if (name.isEmpty()) {
            return true;
        }
        String list = BuildInfo.FEATURES;
        for (int p = list.indexOf(name); p >= 0; p = list.indexOf(name, p + 1)) {
            int after = p + name.length();
            if (p > 0 && (after == list.length() || list.charAt(after) == ' ')) {
                char before = list.charAt(p - 1);
                if (before == '+') {
                    return true;
                }
                if (before == '-') {
                    return false;
                }
            }
        }
        return false;
    }

    private static int bool(boolean b) {
        return b ? 1 : 0;
    }
}
