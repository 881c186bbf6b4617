package org.jhaproxy.runtime.acl;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jhaproxy.config.acl.MatchMethod;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;

/**
 * The visible entries of a pattern reference indexed for one match method (pattern.c's
 * pat_idx_* and pat_match_*): exact strings in a table (haproxy's tree, first loaded wins),
 * "beg" and "ip" by longest prefix, the other methods as a list tried in order. Immutable:
 * a change to the reference builds a new index, so readers never see a half-built one.
 */
final class PatternIndex {
    private final MatchMethod method;
    private final boolean icase;
    private final Map<String, PatternElement> exact;
    private final PatternElement[] list;
    private final Object[] parsed;

    private PatternIndex(MatchMethod method, boolean icase, Map<String, PatternElement> exact,
                         PatternElement[] list, Object[] parsed) {
        this.method = method;
        this.icase = icase;
        this.exact = exact;
        this.list = list;
        this.parsed = parsed;
    }

    /** Whether get map/acl says "idx=tree" for this method (haproxy falls back to a list with -i). */
    static boolean tree(MatchMethod method, boolean icase) {
        return method == MatchMethod.IP || (!icase && (method == MatchMethod.STR || method == MatchMethod.BEG));
    }

    static PatternIndex of(MatchMethod method, boolean icase, boolean dotted, List<PatternElement> elements) throws NotSupported {
        if (method == MatchMethod.STR) {
            Map<String, PatternElement> exact = new HashMap<>();
            for (PatternElement e : elements) {
                exact.putIfAbsent(icase ? e.pattern().toLowerCase(Locale.ROOT) : e.pattern(), e);
            }
            return new PatternIndex(method, icase, exact, null, null);
        }
        PatternElement[] list = elements.toArray(new PatternElement[0]);
        Object[] parsed = new Object[list.length];
        for (int i = 0; i < list.length; i++) {
            try {
                parsed[i] = parse(method, icase, dotted, list[i].pattern());
            } catch (org.jhaproxy.config.sample.ExprError e) {
                throw new NotSupported(e.getMessage());
            }
        }
        return new PatternIndex(method, icase, null, list, parsed);
    }

    /** pat_parse_*(): the pattern in the form its match method compares; fails as haproxy refuses it. */
    static Object parse(MatchMethod method, boolean icase, boolean dotted, String p)
            throws NotSupported, org.jhaproxy.config.sample.ExprError {
        if (dotted && method == MatchMethod.INT) {
            return org.jhaproxy.config.acl.DottedVersions.range(p);
        }
        return switch (method) {
            case IP -> IpPatterns.net(p);
            case INT, LEN -> NumberPatterns.ranges(List.of(p))[0];
            case REG -> Pattern.compile(p, icase ? Pattern.CASE_INSENSITIVE : 0);
            case DIR -> StringPatterns.stripDelimiters(p, "/?");
            case DOM -> StringPatterns.stripDelimiters(p, "/?.:");
            case BIN -> hexBytes(p);
            default -> p;
        };
    }

    /** The entry the sample matches, or null: the first in load order, the longest for beg and ip. */
    PatternElement find(Sample s) {
        if (method == MatchMethod.STR) {
            String v = s.asString();
            return v == null ? null : exact.get(icase ? v.toLowerCase(Locale.ROOT) : v);
        }
        if (method == MatchMethod.IP) {
            return longestNet(s);
        }
        if (method == MatchMethod.INT || method == MatchMethod.LEN) {
            Long v = method == MatchMethod.INT ? s.asLong() : lengthOf(s);
            if (v == null) {
                return null;
            }
            for (int i = 0; i < list.length; i++) {
                long[] r = (long[]) parsed[i];
                if (v >= r[0] && v <= r[1]) {
                    return list[i];
                }
            }
            return null;
        }
        String v = s.asString();
        if (v == null) {
            return null;
        }
        PatternElement best = null;
        for (int i = 0; i < list.length; i++) {
            if (matches(v, parsed[i])) {
                if (method != MatchMethod.BEG || icase) {
                    return list[i];
                }
                if (best == null || list[i].pattern().length() > best.pattern().length()) {
                    best = list[i];
                }
            }
        }
        return best;
    }

    /** pat_parse_bin(): a "bin" pattern is hexadecimal digits, two per byte (kept as ISO-8859-1 text). */
    private static String hexBytes(String p) throws NotSupported {
        if (p.length() % 2 != 0) {
            throw new NotSupported("unable to parse '" + p + "'");
        }
        StringBuilder b = new StringBuilder(p.length() / 2);
        for (int i = 0; i < p.length(); i += 2) {
            int hi = Character.digit(p.charAt(i), 16);
            int lo = Character.digit(p.charAt(i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new NotSupported("unable to parse '" + p + "'");
            }
            b.append((char) (hi << 4 | lo));
        }
        return b.toString();
    }

    private static Long lengthOf(Sample s) {
        String v = s.asString();
        return v == null ? null : (long) v.length();
    }

    private boolean matches(String v, Object p) {
        return switch (method) {
            case BEG -> v.regionMatches(icase, 0, (String) p, 0, ((String) p).length());
            case END -> {
                String q = (String) p;
                yield q.length() <= v.length() && v.regionMatches(icase, v.length() - q.length(), q, 0, q.length());
            }
            case SUB -> StringPatterns.contains(v, (String) p, icase);
            case DIR -> StringPatterns.matchWord(v, (String) p, icase, "/?");
            case DOM -> StringPatterns.matchWord(v, (String) p, icase, "/?.:");
            case REG -> ((Pattern) p).matcher(v).find();
            case BIN -> v.equals(p);
            default -> false;
        };
    }

    private PatternElement longestNet(Sample s) {
        InetAddress a = s.asAddress();
        if (a == null) {
            return null;
        }
        byte[] b = a.getAddress();
        byte[] alt = IpPatterns.alternate(a);
        PatternElement best = null;
        int bestBits = -1;
        for (int i = 0; i < list.length; i++) {
            IpPatterns.Net n = (IpPatterns.Net) parsed[i];
            if ((n.contains(b) || (alt != null && n.contains(alt))) && n.bits() > bestBits) {
                best = list[i];
                bestBits = n.bits();
            }
        }
        return best;
    }

    /** Every entry, for an index that has to be rebuilt from a list. */
    static List<PatternElement> visible(List<PatternElement> all, int gen) {
        List<PatternElement> out = new ArrayList<>();
        for (PatternElement e : all) {
            if (e.gen() == gen) {
                out.add(e);
            }
        }
        return out;
    }
}
