package org.jhaproxy.config.log;

import java.util.ArrayList;
import java.util.List;

/**
 * "sample &lt;ranges&gt;:&lt;size&gt;" of a log target: comma-separated ranges ("1", "2-5") that
 * must not overlap, and a sampling size no smaller than the highest range bound
 * (get_logsrv_smp_range() and the checks around it in parse_logsrv()).
 */
final class LogSampling {
    private LogSampling() {
    }

    /** null when valid, else HAProxy's message. */
    static String check(String arg) {
        int colon = arg.indexOf(':');
        if (colon < 0) {
            return "Missing sample size";
        }
        String ranges = arg.substring(0, colon);
        String size = arg.substring(colon + 1);
        List<long[]> seen = new ArrayList<>();
        long maxHigh = 0;
        int p = 0;
        while (p < ranges.length()) {
            int end = ranges.indexOf(',', p);
            if (end < 0) {
                end = ranges.length();
            }
            String part = ranges.substring(p, end);
            String rest = ranges.substring(p);
            int i = 0;
            long low = 0;
            while (i < part.length() && Character.isDigit(part.charAt(i))) {
                low = low * 10 + (part.charAt(i) - '0');
                i++;
            }
            long high = low;
            if (low == 0 || (i != part.length() && part.charAt(i) != '-')) {
                return String.format("wrong sample range '%s'", rest);
            }
            if (i != part.length()) {
                i++;
                high = 0;
                int start = i;
                while (i < part.length() && Character.isDigit(part.charAt(i))) {
                    high = high * 10 + (part.charAt(i) - '0');
                    i++;
                }
                if (i == start || high == 0 || high <= low || i != part.length()) {
                    return String.format("wrong sample range '%s'", rest);
                }
            }
            for (long[] r : seen) {
                if ((low >= r[0] && low <= r[1]) || (high >= r[0] && high <= r[1])) {
                    return "ranges are overlapping";
                }
            }
            seen.add(new long[] {low, high});
            maxHigh = Math.max(maxHigh, high);
            p = end < ranges.length() ? end + 1 : end;
        }
        if (seen.isEmpty()) {
            return "no sampling ranges given";
        }
        long n = 0;
        int i = 0;
        while (i < size.length() && Character.isDigit(size.charAt(i))) {
            n = n * 10 + (size.charAt(i) - '0');
            i++;
        }
        if (n == 0 || i != size.length()) {
            return String.format("wrong sample size '%s' for sample range '%s'", size, ranges);
        }
        if (n < maxHigh) {
            return String.format("sample size %d should be greater or equal to %d the maximum of the high ranges limits", n, maxHigh);
        }
        return null;
    }
}
