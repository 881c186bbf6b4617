package org.jhaproxy.runtime.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** The dates of log lines: date2str_log(), gmt2str_log(), localdate2str_log(). */
final class LogDates {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private LogDates() {
    }

    /** "24/Nov/2026:01:04:38.097" in local time (%t, %tr). */
    static void local(StringBuilder sb, long epochMicros) {
        ZonedDateTime t = at(epochMicros, ZoneId.systemDefault());
        day(sb, t);
        sb.append('.');
        pad(sb, (int) ((epochMicros / 1000) % 1000), 3);
    }

    /** "24/Nov/2026:01:04:38 +0000" in GMT (%T, %trg). */
    static void gmt(StringBuilder sb, long epochMicros) {
        day(sb, at(epochMicros, ZoneOffset.UTC));
        sb.append(" +0000");
    }

    /** "24/Nov/2026:02:04:38 +0100" in local time with its offset (%Tl, %trl). */
    static void localWithOffset(StringBuilder sb, long epochMicros) {
        ZonedDateTime t = at(epochMicros, ZoneId.systemDefault());
        day(sb, t);
        int off = t.getOffset().getTotalSeconds();
        sb.append(' ').append(off < 0 ? '-' : '+');
        off = Math.abs(off);
        pad(sb, off / 3600, 2);
        pad(sb, (off / 60) % 60, 2);
    }

    private static ZonedDateTime at(long epochMicros, ZoneId zone) {
        return Instant.ofEpochSecond(epochMicros / 1_000_000, (epochMicros % 1_000_000) * 1000).atZone(zone);
    }

    private static void day(StringBuilder sb, ZonedDateTime t) {
        pad(sb, t.getDayOfMonth(), 2);
        sb.append('/').append(MONTHS[t.getMonthValue() - 1]).append('/');
        pad(sb, t.getYear(), 4);
        sb.append(':');
        pad(sb, t.getHour(), 2);
        sb.append(':');
        pad(sb, t.getMinute(), 2);
        sb.append(':');
        pad(sb, t.getSecond(), 2);
    }

    static void pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }
}
