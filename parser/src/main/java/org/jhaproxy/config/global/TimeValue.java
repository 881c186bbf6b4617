package org.jhaproxy.config.global;

import org.jhaproxy.config.diag.Diagnostics;

/**
 * The global and other sections' view of a timer value: the result of the one parse_time_err()
 * port ({@link org.jhaproxy.config.proxy.TimeValue}) with the offending character itself, which
 * these sections' messages quote.
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
        org.jhaproxy.config.proxy.TimeValue.Result r = org.jhaproxy.config.proxy.TimeValue.parse(text, perSecond, outDiv, diag);
        if (r.badChar() >= 0) {
            return new TimeValue(0, Status.BAD_CHAR, text.isEmpty() ? '\0' : text.charAt(r.badChar()));
        }
        if (r.overflow()) {
            return new TimeValue(0, Status.OVERFLOW, '\0');
        }
        if (r.underflow()) {
            return new TimeValue(0, Status.UNDERFLOW, '\0');
        }
        return new TimeValue(r.value(), Status.OK, '\0');
    }
}
