package org.jhaproxy.config.sample;

/**
 * Delays and sizes as HAProxy writes them (parse_time_err() with milliseconds by default,
 * parse_size_err() with k/m/g suffixes).
 */
public final class Units {
    private Units() {
    }

    /** Milliseconds, or null when the text is not a delay. */
    public static Long parseTime(String s) {
        int i = 0;
        long v = 0;
        if (s.isEmpty()) {
            return null;
        }
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > Integer.MAX_VALUE * 1000L) {
                return null;
            }
            i++;
        }
        if (i == 0) {
            return null;
        }
        String unit = s.substring(i);
        long mult;
        long div = 1;
        switch (unit) {
            case "", "ms" -> mult = 1;
            case "us" -> { mult = 1; div = 1000; }
            case "s" -> mult = 1000;
            case "m" -> mult = 60_000;
            case "h" -> mult = 3_600_000;
            case "d" -> mult = 86_400_000;
            default -> { return null; }
        }
        long ms = v * mult / div;
        return ms > Integer.MAX_VALUE ? null : ms;
    }

    /** Bytes, or null when the text is not a size. */
    public static Long parseSize(String s) {
        int i = 0;
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == 0) {
            return null;
        }
        String unit = s.substring(i);
        long mult = switch (unit) {
            case "" -> 1;
            case "k", "K" -> 1024;
            case "m", "M" -> 1024 * 1024;
            case "g", "G" -> 1024L * 1024 * 1024;
            default -> -1;
        };
        if (mult < 0) {
            return null;
        }
        long r = v * mult;
        return r > 0xFFFFFFFFL ? null : r;
    }
}
