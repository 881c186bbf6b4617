package org.jhaproxy.runtime.log;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The header formats of a log target ("format" of a "log" line, build_log_header()): what comes
 * before the message. Without a format (UNSPEC) the header follows what is known: rfc3164 with a
 * "log-send-hostname", else "local" (rfc3164 without a hostname) with a tag, else "priority".
 */
public enum SyslogFormat {
    UNSPEC(null), LOCAL("local"), RFC3164("rfc3164"), RFC5424("rfc5424"), PRIORITY("priority"), SHORT("short"),
    TIMED("timed"), ISO("iso"), RAW("raw");

    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private final String keyword;

    SyslogFormat(String keyword) {
        this.keyword = keyword;
    }

    public static SyslogFormat named(String name) {
        for (SyslogFormat f : values()) {
            if (name.equals(f.keyword)) {
                return f;
            }
        }
        return null;
    }

    /**
     * The header for a message at {@code level} and {@code facility}, sent at {@code now}:
     * "<134>Nov 24 01:04:38 haproxy[8395]: " in the local format.
     */
    public String header(int facility, LogLevel level, Instant now, ZoneId zone, Metadata meta) {
        if (this == UNSPEC) {
            SyslogFormat f = meta.host() != null ? RFC3164 : !meta.tag().isEmpty() ? LOCAL : PRIORITY;
            return f.header(facility, level, now, zone, meta);
        }
        StringBuilder sb = new StringBuilder(64);
        switch (this) {
            case LOCAL, RFC3164, RFC5424, PRIORITY -> sb.append('<').append((facility << 3) + level.code()).append('>');
            case TIMED, SHORT -> sb.append('<').append(level.code()).append('>');
            default -> { }
        }
        LocalDateTime t = LocalDateTime.ofInstant(now, zone);
        switch (this) {
            case LOCAL, RFC3164 -> sb.append(String.format(Locale.ROOT, "%s %2d %02d:%02d:%02d ",
                    MONTHS[t.getMonthValue() - 1], t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond()));
            case RFC5424 -> sb.append("1 ").append(iso(now, zone)).append(' ');
            case TIMED, ISO -> sb.append(iso(now, zone)).append(' ');
            default -> { }
        }
        switch (this) {
            case RFC3164 -> {
                sb.append(meta.host() != null ? meta.host() : "localhost").append(' ');
                tag(sb, meta);
            }
            case LOCAL -> tag(sb, meta);
            case RFC5424 -> {
                sb.append(meta.host() != null ? meta.host() : "-").append(' ');
                sb.append(meta.tag().isEmpty() ? "-" : meta.tag()).append(' ');
                sb.append(meta.pid()).append(' ');
                sb.append("- ");
                sb.append(meta.structuredData().isEmpty() ? "-" : meta.structuredData()).append(' ');
            }
            default -> { }
        }
        return sb.toString();
    }

    private static void tag(StringBuilder sb, Metadata meta) {
        if (!meta.tag().isEmpty()) {
            sb.append(meta.tag()).append('[').append(meta.pid()).append("]: ");
        }
    }

    /** timeofday_as_iso_us(): "2026-11-24T01:05:38.123456+00:00". */
    static String iso(Instant now, ZoneId zone) {
        LocalDateTime t = LocalDateTime.ofInstant(now, zone);
        ZoneOffset off = zone.getRules().getOffset(now);
        int secs = off.getTotalSeconds();
        char sign = secs < 0 ? '-' : '+';
        secs = Math.abs(secs);
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d.%06d%c%02d:%02d", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1000, sign,
                secs / 3600, (secs / 60) % 60);
    }

    /** What the header names: the hostname ("log-send-hostname"), the tag, the pid, the structured data. */
    public record Metadata(String host, String tag, long pid, String structuredData) {
    }
}
