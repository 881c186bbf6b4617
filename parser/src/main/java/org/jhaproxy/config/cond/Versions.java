package org.jhaproxy.config.cond;

/**
 * Version comparisons of the predicates version_atleast/version_before (haproxy.c
 * split_version/compare_current_version) and openssl_version_atleast/before
 * (openssl_version_parser). Return codes follow HAProxy's: -1 the argument is older than the
 * running version, 0 equal, 1 newer, -3 the argument cannot be parsed.
 */
final class Versions {
    private static final int ELTS = 7;

    private Versions() {
    }

    static int compareHaproxy(String version) {
        long[] loc = split(BuildInfo.HAPROXY_VERSION);
        long[] mod = split(version);
        if (mod == null) {
            return -3;
        }
        for (int i = 0; i < ELTS; i++) {
            if (mod[i] < loc[i]) {
                return -1;
            }
            if (mod[i] > loc[i]) {
                return 1;
            }
        }
        return 0;
    }

    /**
     * a.b.c.d-tagN-commit into 7 unsigned numbers; the tag weighs "dev" 1, "rc"/"pre" 2, none 3.
     * Null when the string is not a version.
     */
    static long[] split(String v) {
        long[] value = new long[ELTS];
        value[4] = 3;
        if (v.isEmpty()) {
            return null;
        }
        int p = 0;
        for (int n = 0; n < 4; n++) {
            Strtol r = Strtol.parse(v, p, 10);
            value[n] = r.asUnsignedInt();
            char e = at(v, r.end());
            p = r.end() + 1;
            if (e == '\0') {
                return value;
            }
            if (e == '-' && n < 3) {
                return splitTag(v, p, value);
            }
            if (n == 3) {
                return e == '-' ? splitTag(v, p, value) : null;
            }
            if (e != '.') {
                return null;
            }
        }
        return value;
    }

    private static long[] splitTag(String v, int p, long[] value) {
        if (at(v, p) >= '0' && at(v, p) <= '9') {
            return splitCommit(v, p, value);
        }
        int tagLen;
        if (v.startsWith("dev", p)) {
            value[4] = 1;
            tagLen = 3;
        } else if (v.startsWith("rc", p)) {
            value[4] = 2;
            tagLen = 2;
        } else if (v.startsWith("pre", p)) {
            value[4] = 2;
            tagLen = 3;
        } else {
            return splitCommit(v, p, value);
        }
        Strtol r = Strtol.parse(v, p + tagLen, 10);
        value[5] = r.asUnsignedInt();
        char e = at(v, r.end());
        if (e == '\0') {
            return value;
        }
        if (e != '-') {
            return null;
        }
        return splitCommit(v, r.end() + 1, value);
    }

    /** The commit count is the number after the last '-', or 0 when that is not a number. */
    private static long[] splitCommit(String v, int p, long[] value) {
        int dash = v.lastIndexOf('-');
        int from = p;
        if (dash >= p) {
            from = dash + 1;
            if (from == v.length()) {
                return null;
            }
        }
        Strtol r = Strtol.parse(v, from, 10);
        value[6] = at(v, r.end()) == '\0' ? r.asUnsignedInt() : 0;
        return value;
    }

    /** openssl_compare_current_version(): -3 when the text is not an OpenSSL version. */
    static int compareOpenssl(String version) {
        long num = opensslNumber(version);
        if (num == 0) {
            return -3;
        }
        return Long.compare(num, BuildInfo.OPENSSL_VERSION_NUMBER);
    }

    /** openssl_version_parser(): "M.NN.FF[letters|-betaN|-other]" into 0xMNNFFPPS, 0 when invalid. */
    static long opensslNumber(String v) {
        if (v.isEmpty()) {
            return 0;
        }
        Strtol major = Strtol.parse(v, 0, 10);
        if (at(v, major.end()) != '.' || major.asUnsignedInt() > 0xf) {
            return 0;
        }
        Strtol minor = Strtol.parse(v, major.end() + 1, 10);
        if (at(v, minor.end()) != '.' || minor.asUnsignedInt() > 0xff) {
            return 0;
        }
        Strtol fix = Strtol.parse(v, minor.end() + 1, 10);
        if (fix.asUnsignedInt() > 0xff) {
            return 0;
        }
        int p = fix.end();
        long patch = 0;
        long status = 0;
        if (p >= v.length()) {
            status = 0xf;
        } else if (v.charAt(p) == '-') {
            p++;
            if (v.startsWith("beta", p)) {
                Strtol beta = Strtol.parse(v, p + 4, 10);
                status = beta.asUnsignedInt();
                if (status > 14) {
                    return 0;
                }
            }
        } else {
            // a letter release: 'a' counts 1, 'b' 2... (every character is summed this way)
            patch = 1;
            for (; p < v.length(); p++) {
                int c = (byte) v.charAt(p);
                patch += (c & ~0x20) - 'A';
            }
            status = 0xf;
        }
        return ((major.asUnsignedInt() & 0xf) << 28) | ((minor.asUnsignedInt() & 0xff) << 20)
                | ((fix.asUnsignedInt() & 0xff) << 12) | ((patch & 0xff) << 4) | (status & 0xf);
    }

    private static char at(String s, int i) {
        return i < s.length() ? s.charAt(i) : '\0';
    }
}
