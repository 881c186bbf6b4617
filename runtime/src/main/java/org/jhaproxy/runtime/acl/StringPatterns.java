package org.jhaproxy.runtime.acl;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.jhaproxy.runtime.sample.Sample;

/**
 * The string match methods of configuration.txt section 7.1.3 (pattern.c pat_match_str, _beg,
 * _end, _sub, _dir, _dom, _reg), "-i" folding case. Exact strings are looked up in a set.
 */
final class StringPatterns {
    private StringPatterns() {
    }

    static PatternMatcher str(List<String> patterns, boolean icase) {
        Set<String> set = new HashSet<>();
        for (String p : patterns) {
            set.add(icase ? p.toLowerCase(Locale.ROOT) : p);
        }
        return s -> {
            String v = s.asString();
            return v != null && set.contains(icase ? v.toLowerCase(Locale.ROOT) : v);
        };
    }

    static PatternMatcher beg(List<String> patterns, boolean icase) {
        return any(patterns.toArray(new String[0]), (v, p) -> v.regionMatches(icase, 0, p, 0, p.length()));
    }

    static PatternMatcher end(List<String> patterns, boolean icase) {
        return any(patterns.toArray(new String[0]),
                (v, p) -> p.length() <= v.length() && v.regionMatches(icase, v.length() - p.length(), p, 0, p.length()));
    }

    static PatternMatcher sub(List<String> patterns, boolean icase) {
        return any(patterns.toArray(new String[0]), (v, p) -> contains(v, p, icase));
    }

    static boolean contains(String v, String p, boolean icase) {
        for (int i = 0; i + p.length() <= v.length(); i++) {
            if (v.regionMatches(icase, i, p, 0, p.length())) {
                return true;
            }
        }
        return false;
    }

    static PatternMatcher reg(List<String> patterns, boolean icase) {
        Pattern[] ps = new Pattern[patterns.size()];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = Pattern.compile(patterns.get(i), icase ? Pattern.CASE_INSENSITIVE : 0);
        }
        return any(ps, (v, p) -> p.matcher(v).find());
    }

    /** A sample matches when its string form matches any of the (compiled) patterns. */
    private static <P> PatternMatcher any(P[] patterns, BiPredicate<String, P> matches) {
        return s -> {
            String v = s.asString();
            if (v == null) {
                return false;
            }
            for (P p : patterns) {
                if (matches.test(v, p)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** "dir": the pattern as whole '/'-delimited (or '?') components. */
    static PatternMatcher dir(List<String> patterns, boolean icase) {
        return words(patterns, icase, "/?");
    }

    /** "dom": the pattern as whole '.'-delimited (or '/', '?', ':') labels. */
    static PatternMatcher dom(List<String> patterns, boolean icase) {
        return words(patterns, icase, "/?.:");
    }

    private static PatternMatcher words(List<String> patterns, boolean icase, String delims) {
        String[] ps = new String[patterns.size()];
        for (int i = 0; i < ps.length; i++) {
            ps[i] = stripDelimiters(patterns.get(i), delims);
        }
        return any(ps, (v, p) -> matchWord(v, p, icase, delims));
    }

    static String stripDelimiters(String p, String delims) {
        int from = 0;
        int to = p.length();
        while (from < to && delims.indexOf(p.charAt(from)) >= 0) {
            from++;
        }
        while (to > from && delims.indexOf(p.charAt(to - 1)) >= 0) {
            to--;
        }
        return p.substring(from, to);
    }

    /** match_word(): the pattern starts after a delimiter (or at 0) and ends before one (or at the end). */
    static boolean matchWord(String v, String p, boolean icase, String delims) {
        int pl = p.length();
        if (pl > v.length()) {
            return false;
        }
        boolean mayMatch = true;
        int end = v.length() - pl;
        for (int c = 0; c <= end; c++) {
            if (delims.indexOf(v.charAt(c)) >= 0) {
                mayMatch = true;
                continue;
            }
            if (!mayMatch) {
                continue;
            }
            if (v.regionMatches(icase, c, p, 0, pl) && (c == end || delims.indexOf(v.charAt(c + pl)) >= 0)) {
                return true;
            }
            mayMatch = false;
        }
        return false;
    }
}
