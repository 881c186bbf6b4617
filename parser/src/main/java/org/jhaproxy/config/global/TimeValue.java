package org.jhaproxy.config.global;

import org.jhaproxy.config.diag.Diagnostics;

/**
 * HAProxy's parse_time_err() (tools.c): digits followed by an optional unit (us, ms, s, m, h, d),
 * converted to the caller's unit and rounded up. Extra characters after a valid unit are only
 * warned about, without position, as HAProxy 2.6 does.
 */
public record TimeValue(long value, Status status, char badChar) {

    public enum Status { OK, BAD_CHAR, OVERFLOW, UNDERFLOW }

    public static final long US = 1_000_000L;
    public static final long MS = 1_000L;
    public static final long S = 1L;

    public boolean ok() {
        return status == Status.OK;
    }

    /** Parses with the output unit given as "how many of them in a second" (MS = 1000). */
    public static TimeValue parse(String text, long perSecond, Diagnostics diag) {
        return parse(text, perSecond, 1, diag);
    }

    /** outDiv is for units larger than the second (60 for minutes...). */
    public static TimeValue parse(String text, long perSecond, long outDiv, Diagnostics diag) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(0)) || text.charAt(0) > '9') {
            return new TimeValue(0, Status.BAD_CHAR, text.isEmpty() ? '\0' : text.charAt(0));
        }
        long omult = perSecond;
        long odiv = outDiv;
        int i = 0;
        long value = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            value = value * 10 + (text.charAt(i) - '0');
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
                        return new TimeValue(0, Status.BAD_CHAR, c);
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
                    return new TimeValue(0, Status.BAD_CHAR, c);
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
        java.math.BigInteger result = java.math.BigInteger.valueOf(value).multiply(java.math.BigInteger.valueOf(imult * omult))
                .add(java.math.BigInteger.valueOf(idiv * odiv - 1)).divide(java.math.BigInteger.valueOf(idiv * odiv));
        if (result.compareTo(java.math.BigInteger.valueOf(0x80000000L)) >= 0) {
            return new TimeValue(0, Status.OVERFLOW, '\0');
        }
        if (result.signum() == 0 && value != 0) {
            return new TimeValue(0, Status.UNDERFLOW, '\0');
        }
        return new TimeValue(result.longValue(), Status.OK, '\0');
    }
}
