package org.jhaproxy.runtime.log;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.model.LogTarget;

/**
 * One log target of a "log" line (haproxy's logsrv): where to send, the longest line, the header
 * format, the sampling ranges, the facility, the highest level sent and the lowest level written.
 *
 * <p>"log 127.0.0.1:514 len 1024 format rfc5424 sample 1-3:10 local0 info notice".
 */
public record LogServer(String address, int maxLength, SyslogFormat format, Sampling sampling, int facility,
                        LogLevel maxLevel, LogLevel minLevel) {
    /** haproxy's MAX_SYSLOG_LEN, the default "len". */
    public static final int DEFAULT_LENGTH = 1024;

    private static final List<String> FACILITIES = List.of("kern", "user", "mail", "daemon", "auth", "syslog",
            "lpr", "news", "uucp", "cron", "auth2", "ftp", "ntp", "audit", "alert", "cron2",
            "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7");

    /** The target as the configuration check read it from its "log" line. */
    public static LogServer of(LogTarget t) {
        SyslogFormat format = t.format() == null || t.format().isEmpty() ? SyslogFormat.UNSPEC : SyslogFormat.named(t.format());
        Sampling sampling = t.sample() == null || t.sample().isEmpty() ? null : Sampling.parse(t.sample());
        LogLevel max = t.level() == null || t.level().isEmpty() ? LogLevel.DEBUG : LogLevel.named(t.level());
        LogLevel min = t.minLevel() == null || t.minLevel().isEmpty() ? LogLevel.EMERG : LogLevel.named(t.minLevel());
        int len = t.maxLen() > 0 ? t.maxLen() : DEFAULT_LENGTH;
        // a ring is named apart from the addresses: "ring@NAME"
        String address = t.kind() == LogTarget.Kind.BUFFER ? "ring@" + t.address() : t.address();
        return new LogServer(address, len, format, sampling, FACILITIES.indexOf(t.facility()), max, min);
    }

    /** Whether this target takes a message of that level (its max level), sampling aside. */
    public boolean accepts(LogLevel level) {
        return level.code() <= maxLevel.code();
    }

    /** The level written for a message: one more severe than "minlevel" is written at "minlevel". */
    public LogLevel written(LogLevel level) {
        return level.code() < minLevel.code() ? minLevel : level;
    }

    /**
     * "sample RANGES:SIZE": of every SIZE messages, only those whose rank (1-based) falls in one
     * of the ranges are sent; the ranges are consumed in order, as process_send_log() does.
     */
    public static final class Sampling {
        private final int[][] ranges;
        private final int size;
        private int index;

        private Sampling(int[][] ranges, int size) {
            this.ranges = ranges;
            this.size = size;
        }

        static Sampling parse(String spec) {
            int colon = spec.indexOf(':');
            List<int[]> rs = new ArrayList<>();
            for (String r : spec.substring(0, colon).split(",")) {
                int dash = r.indexOf('-');
                int low = Integer.parseInt(dash < 0 ? r : r.substring(0, dash));
                int high = dash < 0 ? low : Integer.parseInt(r.substring(dash + 1));
                rs.add(new int[] {low, high});
            }
            rs.sort((x, y) -> Integer.compare(x[0], y[0]));
            return new Sampling(rs.toArray(new int[0][]), Integer.parseInt(spec.substring(colon + 1)));
        }

        /** Whether the next message is sent. */
        public synchronized boolean next() {
            int rank = index + 1;
            index = (index + 1) % size;
            for (int[] r : ranges) {
                if (rank >= r[0] && rank <= r[1]) {
                    return true;
                }
            }
            return false;
        }
    }
}
