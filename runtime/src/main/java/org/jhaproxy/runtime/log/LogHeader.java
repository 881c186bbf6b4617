package org.jhaproxy.runtime.log;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * build_log_header(): the header a target's format puts before a message, from its metadata.
 * A received message keeps its own timestamp, converted between the rfc3164 ("Nov 24 10:11:12")
 * and rfc5424 (ISO 8601) forms; without one the local time is used. A target without a format
 * picks one from what the metadata holds: rfc5424 or rfc3164 with a hostname (by the timestamp's
 * form), "local" with a tag, "priority" with a priority, else raw.
 */
public final class LogHeader {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    /** LOG_ISOTIME_MINLEN: the shortest ISO timestamp ("1970-01-01T00:00:00Z"). */
    static final int ISO_MIN = 20;
    /** LOG_LEGACYTIME_LEN: "Jan  1 00:00:00". */
    static final int LEGACY_LEN = 15;

    private LogHeader() {
    }

    /** The format a target without one uses for this metadata. */
    static SyslogFormat resolve(SyslogFormat format, LogMeta m) {
        if (format != SyslogFormat.UNSPEC) {
            return format;
        }
        if (!m.host().isEmpty()) {
            return m.time().equals("-") || m.time().length() >= ISO_MIN ? SyslogFormat.RFC5424 : SyslogFormat.RFC3164;
        }
        if (!m.tag().isEmpty()) {
            return SyslogFormat.LOCAL;
        }
        return m.prio().isEmpty() ? SyslogFormat.RAW : SyslogFormat.PRIORITY;
    }

    /** The header of a message at {@code level} and {@code facility} for {@code format}. */
    public static String build(SyslogFormat format, int facility, int level, LogMeta m, Instant now, ZoneId zone) {
        SyslogFormat f = resolve(format, m);
        StringBuilder sb = new StringBuilder(64);
        switch (f) {
            case LOCAL, RFC3164, RFC5424, PRIORITY -> sb.append('<').append((facility << 3) + level).append('>');
            case TIMED, SHORT -> sb.append('<').append(level).append('>');
            default -> { }
        }
        switch (f) {
            case LOCAL, RFC3164 -> sb.append(legacyTime(m.time(), now, zone)).append(' ');
            case RFC5424 -> {
                sb.append("1 ");
                sb.append(m.time().equals("-") ? "-" : isoTime(m.time(), now, zone)).append(' ');
            }
            case TIMED, ISO -> sb.append(isoTime(m.time(), now, zone)).append(' ');
            default -> { }
        }
        switch (f) {
            case RFC3164 -> {
                sb.append(m.host().isEmpty() ? "localhost" : m.host()).append(' ');
                tag(sb, m);
            }
            case LOCAL -> tag(sb, m);
            case RFC5424 -> {
                for (String field : new String[] {m.host(), m.tag(), m.pid(), m.msgId(), m.structuredData()}) {
                    sb.append(field.isEmpty() ? "-" : field).append(' ');
                }
            }
            default -> { }
        }
        return sb.toString();
    }

    private static void tag(StringBuilder sb, LogMeta m) {
        if (m.tag().isEmpty()) {
            return;
        }
        sb.append(m.tag());
        if (!m.pid().isEmpty()) {
            sb.append('[').append(m.pid()).append(']');
        }
        sb.append(": ");
    }

    /** "Nov 24 10:11:12": the received one, one made from a received ISO time, else the local time. */
    private static String legacyTime(String time, Instant now, ZoneId zone) {
        if (time.length() == LEGACY_LEN) {
            return time;
        }
        if (time.length() >= ISO_MIN) {
            int month = 10 * (time.charAt(5) - '0') + (time.charAt(6) - '0');
            if (month > 0) {
                month--;
            }
            if (month >= 0 && month <= 11) {
                return MONTHS[month] + ' ' + (time.charAt(8) != '0' ? time.charAt(8) : ' ') + time.charAt(9) + ' '
                        + time.substring(11, 19);
            }
        }
        LocalDateTime t = LocalDateTime.ofInstant(now, zone);
        return String.format(Locale.ROOT, "%s %2d %02d:%02d:%02d", MONTHS[t.getMonthValue() - 1], t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond());
    }

    /**
     * The received ISO time, one made from a received rfc3164 time (this year, or the last one
     * for a later month; "-00:00" as the zone is unknown), else the local time.
     */
    private static String isoTime(String time, Instant now, ZoneId zone) {
        if (time.length() >= ISO_MIN) {
            return time;
        }
        if (time.length() == LEGACY_LEN) {
            for (int month = 0; month < 12; month++) {
                if (time.startsWith(MONTHS[month])) {
                    LocalDateTime t = LocalDateTime.ofInstant(now, zone);
                    int year = t.getMonthValue() - 1 < month ? t.getYear() - 1 : t.getYear();
                    return String.format(Locale.ROOT, "%4d-%02d-%c%cT", year, month + 1,
                            time.charAt(4) != ' ' ? time.charAt(4) : '0', time.charAt(5)) + time.substring(7, 15) + "-00:00";
                }
            }
        }
        return SyslogFormat.iso(now, zone);
    }
}
