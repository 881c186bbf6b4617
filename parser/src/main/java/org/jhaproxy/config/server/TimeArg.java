package org.jhaproxy.config.server;

import java.util.function.Consumer;

/**
 * HAProxy's parse_time_err() (tools.c): a number with an optional unit (us, ms, s, m, h, d),
 * converted to the caller's unit. A character after the unit only warns, as in 2.6.
 */
public record TimeArg(Kind kind, long value, char bad) {
    public enum Kind { OK, OVERFLOW, UNDERFLOW, BAD_CHAR }

    /** Parses {@code text} into milliseconds; {@code warn} receives the trailing-character warning. */
    public static TimeArg parseMs(String text, Consumer<String> warn) {
        if (text.isEmpty() || text.charAt(0) < '0' || text.charAt(0) > '9') {
            return new TimeArg(Kind.BAD_CHAR, 0, text.isEmpty() ? '\0' : text.charAt(0));
        }
        int i = 0;
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            value = Math.min(value * 10 + (text.charAt(i) - '0'), Long.MAX_VALUE / 1_000_000_000L);
            i++;
        }
        long imult = 1;
        long idiv = 1;
        long omult = 1000;
        if (i == text.length()) {
            return check(value);
        }
        char u = text.charAt(i);
        switch (u) {
            case 's' -> { }
            case 'u' -> {
                if (i + 1 < text.length() && text.charAt(i + 1) == 's') {
                    idiv = 1_000_000;
                    i++;
                } else {
                    return new TimeArg(Kind.BAD_CHAR, 0, u);
                }
            }
            case 'm' -> {
                if (i + 1 < text.length() && text.charAt(i + 1) == 's') {
                    idiv = 1000;
                    i++;
                } else {
                    imult = 60;
                }
            }
            case 'h' -> imult = 3600;
            case 'd' -> imult = 86400;
            default -> {
                return new TimeArg(Kind.BAD_CHAR, 0, u);
            }
        }
        i++;
        if (i < text.length() && warn != null) {
            warn.accept(String.format("unexpected character '%c' after the timer value '%s', only "
                    + "(us=microseconds,ms=milliseconds,s=seconds,m=minutes,h=hours,d=days) are supported."
                    + " This will be reported as an error in next versions.", text.charAt(i), text));
        }
        long num = imult * omult;
        long result = (value * num + (idiv - 1)) / idiv;
        if (result >= 0x80000000L) {
            return new TimeArg(Kind.OVERFLOW, 0, '\0');
        }
        if (result == 0 && value != 0) {
            return new TimeArg(Kind.UNDERFLOW, 0, '\0');
        }
        return new TimeArg(Kind.OK, result, '\0');
    }

    private static TimeArg check(long value) {
        return value >= 0x80000000L ? new TimeArg(Kind.OVERFLOW, 0, '\0') : new TimeArg(Kind.OK, value, '\0');
    }
}
