package org.jhaproxy.runtime.sink;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.jhaproxy.runtime.log.LogHeader;
import org.jhaproxy.runtime.log.LogMeta;
import org.jhaproxy.runtime.log.SyslogFormat;

/**
 * A named event sink (sink.c): the built-in "stdout" and "stderr" descriptors, the built-in
 * "buf0" ring and the "ring" sections. A "log ring@NAME" target writes into a ring sink, whose
 * own format gives each event its header, cut at its "maxlen".
 */
public final class Sink {
    /** SINK_TYPE_FD or SINK_TYPE_BUFFER, as "show events" names them. */
    public enum Type { FD, BUFFER }

    private final String name;
    private final String description;
    private final Type type;
    private final SyslogFormat format;
    private final int maxLen;
    private final Ring ring;
    private final AtomicLong dropped = new AtomicLong();
    private final ZoneId zone = ZoneId.systemDefault();

    Sink(String name, String description, Type type, SyslogFormat format, long maxLen, Ring ring) {
        this.name = name;
        this.description = description;
        this.type = type;
        this.format = format;
        this.maxLen = (int) Math.min(Integer.MAX_VALUE, maxLen);
        this.ring = ring;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public Type type() {
        return type;
    }

    public long dropped() {
        return dropped.get();
    }

    /** The ring of a buffer sink, null for a descriptor. */
    public Ring ring() {
        return ring;
    }

    /**
     * sink_write(): the event with the header of the sink's format, cut at its "maxlen"; an
     * event lost is counted and announced ("N events dropped") before the next one.
     */
    public void write(int level, int facility, LogMeta meta, byte[] message) {
        if (ring == null) {
            return;
        }
        long lost = dropped.get();
        if (lost > 0) {
            byte[] notice = (lost + " event" + (lost > 1 ? "s" : "") + " dropped").getBytes(StandardCharsets.ISO_8859_1);
            if (!ring.write(event(5, facility, meta, notice))) {
                dropped.incrementAndGet();
                return;
            }
            dropped.addAndGet(-lost);
        }
        if (!ring.write(event(level, facility, meta, message))) {
            dropped.incrementAndGet();
        }
    }

    private byte[] event(int level, int facility, LogMeta meta, byte[] message) {
        byte[] head = format == SyslogFormat.RAW ? new byte[0]
                : LogHeader.build(format, facility, level, meta, Instant.now(), zone).getBytes(StandardCharsets.ISO_8859_1);
        int h = Math.min(head.length, maxLen);
        int m = Math.min(message.length, maxLen - h);
        byte[] out = new byte[h + m];
        System.arraycopy(head, 0, out, 0, h);
        System.arraycopy(message, 0, out, h, m);
        return out;
    }
}
