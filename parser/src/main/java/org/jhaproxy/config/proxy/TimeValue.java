package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.Diagnostics;

/**
 * HAProxy's parse_time_err() (tools.c): a number with an optional unit among us, ms, s, m, h, d,
 * converted to the caller's unit and rounded up. Trailing characters after a valid unit only
 * give a warning (without position), as in 2.6.
 */
public final class TimeValue {
    public enum Unit {
        US(1_000_000, 1), MS(1000, 1), S(1, 1), MIN(1, 60), HOUR(1, 3600), DAY(1, 86400);

        final long mult;
        final long div;

        Unit(long mult, long div) {
            this.mult = mult;
            this.div = div;
        }
    }

    /** The outcome: a value, or an error (overflow, underflow, or the offending character index). */
    public record Result(long value, boolean overflow, boolean underflow, int badChar) {
        public boolean ok() {
            return !overflow && !underflow && badChar < 0;
        }
    }

    private TimeValue() {
    }

    public static Result parse(String text, Unit unit, Diagnostics diag) {
        return parse(text, unit.mult, unit.div, diag);
    }

    /**
     * parse_time_err() with the output unit given as a multiplier and a divider of the second
     * (milliseconds: 1000, 1; minutes: 1, 60). The one timer parser of the configuration.
     */
    public static Result parse(String text, long mult, long div, Diagnostics diag) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(0)) || text.charAt(0) > '9') {
            return new Result(0, false, false, 0);
        }
        long omult = mult;
        long odiv = div;
        long value = 0;
        int i = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            value = value * 10 + (text.charAt(i) - '0');
            if (value > 0x7fffffffffffL) {
                value = 0x7fffffffffffL; // saturate; the result overflows anyway
            }
            i++;
        }
        long imult = 1;
        long idiv = 1;
        if (i == text.length()) {
            imult = omult = idiv = odiv = 1;
        } else {
            char c = text.charAt(i);
            switch (c) {
                case 's' -> {
                }
                case 'u' -> {
                    if (i + 1 < text.length() && text.charAt(i + 1) == 's') {
                        idiv = 1_000_000;
                        i++;
                    } else {
                        return new Result(0, false, false, i);
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
                    return new Result(0, false, false, i);
                }
            }
            i++;
            if (i < text.length() && diag != null) {
                diag.warning(String.format("unexpected character '%c' after the timer value '%s', only "
                        + "(us=microseconds,ms=milliseconds,s=seconds,m=minutes,h=hours,d=days) are supported."
                        + " This will be reported as an error in next versions.", text.charAt(i), text));
            }
        }
        if (omult % idiv == 0) {
            omult /= idiv;
            idiv = 1;
        }
        if (idiv % omult == 0) {
            idiv /= omult;
            omult = 1;
        }
        if (imult % odiv == 0) {
            imult /= odiv;
            odiv = 1;
        }
        if (odiv % imult == 0) {
            odiv /= imult;
            imult = 1;
        }
        java.math.BigInteger r = java.math.BigInteger.valueOf(value).multiply(java.math.BigInteger.valueOf(imult * omult))
                .add(java.math.BigInteger.valueOf(idiv * odiv - 1)).divide(java.math.BigInteger.valueOf(idiv * odiv));
        if (r.compareTo(java.math.BigInteger.valueOf(0x80000000L)) >= 0) {
            return new Result(0, true, false, -1);
        }
        long result = r.longValue();
        if (result == 0 && value != 0) {
            return new Result(0, false, true, -1);
        }
        return new Result(result, false, false, -1);
    }
}
