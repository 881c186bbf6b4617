package org.jhaproxy.runtime.log;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import io.netty.channel.EventLoop;
import org.jhaproxy.config.model.LogTarget;

/**
 * The process's log output (haproxy's __send_log()): one sink per target address, shared by the
 * proxies that log there, and the header each target's format asks for. Sending never blocks.
 */
public final class Syslog implements AutoCloseable {
    private final Map<String, LogSink> sinks = new HashMap<>();
    private final AtomicLong dropped = new AtomicLong();
    private final String hostname;
    private final long pid = ProcessHandle.current().pid();
    private final ZoneId zone = ZoneId.systemDefault();
    private final EventLoop loop;
    private final org.jhaproxy.runtime.sink.Sinks rings;

    /**
     * @param hostname "log-send-hostname", or null
     * @param loop the event loop a UNIX datagram target is registered with
     * @param rings the sinks "ring@NAME" targets write into
     */
    public Syslog(String hostname, EventLoop loop, org.jhaproxy.runtime.sink.Sinks rings) {
        this.hostname = hostname;
        this.loop = loop;
        this.rings = rings;
    }

    /** Opens (once per address) the sinks of these targets. */
    public synchronized List<LogServer> open(List<LogTarget> targets) throws IOException {
        List<LogServer> out = new ArrayList<>();
        for (LogTarget t : targets) {
            LogTarget origin = t.ref() != null ? t.ref() : t;
            LogServer s = LogServer.of(origin);
            if (t.kind() == LogTarget.Kind.BUFFER) {
                // resolved at start (RingTargets): the ring is written directly
                out.add(s);
                continue;
            }
            if (!sinks.containsKey(s.address())) {
                sinks.put(s.address(), sink(origin));
            }
            out.add(s);
        }
        return out;
    }

    private LogSink sink(LogTarget t) throws IOException {
        String a = t.address();
        if (t.kind() == LogTarget.Kind.FD) {
            return switch (a) {
                case "fd@1" -> new StreamSink(new FileOutputStream(FileDescriptor.out), "stdout", dropped);
                case "fd@2" -> new StreamSink(new FileOutputStream(FileDescriptor.err), "stderr", dropped);
                default -> throw new IOException("log target '" + a + "' is not supported by jhaproxy yet");
            };
        }
        if (t.kind() != LogTarget.Kind.DGRAM) {
            throw new IOException("log target '" + a + "' (ring buffer) is not supported by jhaproxy yet");
        }
        if (a.startsWith("/")) {
            return new UnixDatagramSink(loop, a, dropped);
        }
        int colon = a.lastIndexOf(':');
        String host = a.substring(0, colon);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        return new UdpSink(new InetSocketAddress(host, Integer.parseInt(a.substring(colon + 1))), dropped);
    }

    /**
     * Sends {@code message} at {@code level} to each of {@code servers} that takes that level,
     * with {@code tag} in the header (process_send_log()).
     */
    public void send(List<LogServer> servers, String tag, LogLevel level, String message, String structuredData) {
        if (servers.isEmpty()) {
            return;
        }
        int end = message.length();
        while (end > 0 && (message.charAt(end - 1) == '\n' || message.charAt(end - 1) == 0)) {
            end--;
        }
        byte[] body = message.substring(0, end).getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        // __send_log() drops the structured data's trailing spaces (the default one is "- ")
        int sdEnd = structuredData.length();
        while (sdEnd > 0 && structuredData.charAt(sdEnd - 1) == ' ') {
            sdEnd--;
        }
        SyslogFormat.Metadata meta = new SyslogFormat.Metadata(hostname, tag, pid, structuredData.substring(0, sdEnd));
        for (LogServer s : servers) {
            if (!s.accepts(level) || (s.sampling() != null && !s.sampling().next())) {
                continue;
            }
            if (s.address().startsWith("ring@")) {
                // the ring's own format makes the header; the target's "len" cuts the message
                byte[] cut = body.length <= s.maxLength() ? body : java.util.Arrays.copyOf(body, s.maxLength());
                rings.find(s.address().substring(5)).write(s.written(level).code(), s.facility(),
                        LogMeta.local(hostname, tag, pid, meta.structuredData()), cut);
                continue;
            }
            byte[] head = s.format().header(s.facility(), s.written(level), now, zone, meta).getBytes(StandardCharsets.UTF_8);
            sinks.get(s.address()).send(line(head, body, s.maxLength()));
        }
    }

    /**
     * process_send_log() for a message a log-forward section received: each target taking its
     * level (any without a priority) gets it with its own header, the received priority's
     * facility kept, the target's facility and "minlevel" used without one.
     */
    public void forward(List<LogServer> servers, SyslogMessage msg) {
        String text = msg.message();
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == 0)) {
            end--;
        }
        byte[] body = text.substring(0, end).getBytes(StandardCharsets.ISO_8859_1);
        Instant now = Instant.now();
        for (LogServer s : servers) {
            if (msg.level() > s.maxLevel().code() || (s.sampling() != null && !s.sampling().next())) {
                continue;
            }
            int level = Math.max(msg.level(), s.minLevel().code());
            int facility = msg.facility() == -1 ? s.facility() : msg.facility();
            if (s.address().startsWith("ring@")) {
                byte[] cut = body.length <= s.maxLength() ? body : java.util.Arrays.copyOf(body, s.maxLength());
                rings.find(s.address().substring(5)).write(level, facility, msg.meta(), cut);
                continue;
            }
            byte[] head = LogHeader.build(s.format(), facility, level, msg.meta(), now, zone).getBytes(StandardCharsets.ISO_8859_1);
            sinks.get(s.address()).send(line(head, body, s.maxLength()));
        }
    }

    /** __do_send_log(): the header then the message, both cut at the target's "len", and a newline. */
    private static byte[] line(byte[] head, byte[] body, int room) {
        int h = Math.min(head.length, room);
        int m = Math.min(body.length, room - h);
        byte[] line = new byte[h + m + 1];
        System.arraycopy(head, 0, line, 0, h);
        System.arraycopy(body, 0, line, h, m);
        line[h + m] = '\n';
        return line;
    }

    /** Lines lost because a target could not take them. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes the lines still queued for the stream targets (stdout, stderr): the process is ending. */
    public synchronized void flush() {
        sinks.values().forEach(LogSink::flush);
    }

    @Override
    public synchronized void close() {
        sinks.values().forEach(LogSink::close);
        sinks.clear();
    }
}
