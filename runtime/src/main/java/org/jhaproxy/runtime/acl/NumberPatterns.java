package org.jhaproxy.runtime.acl;

import java.util.List;
import org.jhaproxy.runtime.sample.Sample;

/**
 * "int" and "len" patterns: a value or a range "min:max" with either end open (pat_parse_int();
 * operators were already turned into ranges by the parser).
 */
final class NumberPatterns {
    private NumberPatterns() {
    }

    static PatternMatcher integer(List<String> patterns) {
        long[][] ranges = ranges(patterns);
        return s -> {
            Long v = s.asLong();
            return v != null && in(ranges, v);
        };
    }

    static PatternMatcher length(List<String> patterns) {
        long[][] ranges = ranges(patterns);
        return s -> {
            String v = s.asString();
            return v != null && in(ranges, v.length());
        };
    }

    private static boolean in(long[][] ranges, long v) {
        for (long[] r : ranges) {
            if (v >= r[0] && v <= r[1]) {
                return true;
            }
        }
        return false;
    }

    static long[][] ranges(List<String> patterns) {
        long[][] out = new long[patterns.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = range(patterns.get(i));
        }
        return out;
    }

    private static long[] range(String p) {
        int sep = p.indexOf(':');
        if (sep < 0) {
            sep = p.indexOf('-', 1);
        }
        if (sep < 0) {
            long v = parse(p);
            return new long[] {v, v};
        }
        String lo = p.substring(0, sep);
        String hi = p.substring(sep + 1);
        return new long[] {lo.isEmpty() ? Long.MIN_VALUE : parse(lo), hi.isEmpty() ? Long.MAX_VALUE : parse(hi)};
    }

    private static long parse(String s) {
        return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
    }
}
