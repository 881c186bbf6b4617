package org.jhaproxy.config.proxy;

/**
 * HAProxy's parse_process_number() validation (cfgparse.c): "all", "odd", "even", a number or
 * a range "a-b" within 1..max. Returns the error text, or null when valid.
 */
public final class ProcessNumber {
    private ProcessNumber() {
    }

    public static String check(String arg, int max) {
        if (arg.equals("all") || arg.equals("odd") || arg.equals("even")) {
            return null;
        }
        int dash = -1;
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '-' && dash < 0) {
                dash = i;
            } else if (c < '0' || c > '9') {
                return String.format("'%s' is not a valid number/range.", arg);
            }
        }
        long low = leadingNumber(arg);
        long high = low;
        if (dash >= 0) {
            high = dash + 1 == arg.length() ? max : leadingNumber(arg.substring(dash + 1));
        }
        if (high < low) {
            long t = low;
            low = high;
            high = t;
        }
        if (low < 1 || low > max || high > max) {
            return String.format("'%s' is not a valid number/range. It supports numbers from 1 to %d.\n", arg, max);
        }
        return null;
    }

    private static long leadingNumber(String s) {
        long v = 0;
        for (int i = 0; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > 0xffffffffL) {
                v &= 0xffffffffL;
            }
        }
        return v;
    }
}
