package org.jhaproxy.config.model;

/**
 * One "log" target of the global section or of a proxy, as parse_logsrv() (log.c) leaves it.
 * {@code kind} is how the logs leave: a datagram socket, a file descriptor or a ring buffer
 * (a stream address gets an implicit ring).
 */
public record LogTarget(Position at, Kind kind, String address, int maxLen, String format,
                        String sample, String facility, String level, String minLevel, LogTarget ref) {

    public enum Kind { DGRAM, FD, BUFFER }

    /** The copy "log global" makes in a proxy: same target, remembering where it came from. */
    public LogTarget copyFor(Position where) {
        return new LogTarget(where, kind, address, maxLen, format, sample, facility, level, minLevel, this);
    }
}
