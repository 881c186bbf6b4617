package org.jhaproxy.runtime.log;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import org.jhaproxy.config.model.LogFormatSource;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.model.ProxyMode;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * What a frontend logs (strm_log(), sess_log(), frontend_accept()): a line per stream in its
 * log-format, or without one the "Connect from" line at accept; nothing without log targets.
 */
public final class ProxyLog {
    /** The default formats of 2.6 (log.c), for "option tcplog" when "option httplog" falls back. */
    static final String TCP_LOG_FORMAT = "%ci:%cp [%t] %ft %b/%s %Tw/%Tc/%Tt %B %ts %ac/%fc/%bc/%sc/%rc %sq/%bq";

    private final Proxy proxy;
    private final List<LogServer> servers;
    private final String tag;
    private final LogLine format;
    /** "log-format-sd": the structured data of rfc5424 headers, null without it. */
    private LogLine structuredData;
    private final Syslog syslog;
    private final IntSupplier actconn;
    private final boolean dontLogNull;
    private final boolean separateErrors;
    private final boolean dontLogNormal;
    private final AtomicLong count = new AtomicLong();
    private final CaptureSlots captureSlots;
    private final boolean logasap;
    private UniqueId uniqueId;

    private ProxyLog(Proxy proxy, List<LogServer> servers, String tag, LogLine format, Syslog syslog, IntSupplier actconn) {
        this.proxy = proxy;
        this.servers = servers;
        this.tag = tag;
        this.format = format;
        this.syslog = syslog;
        this.actconn = actconn;
        this.dontLogNull = proxy.config().option("dontlognull");
        this.dontLogNormal = proxy.config().option("dontlog-normal");
        this.separateErrors = proxy.config().option("log-separate-errors");
        this.captureSlots = CaptureSlots.of(proxy.config());
        this.logasap = proxy.config().option("logasap");
    }

    /** The logger of {@code proxy}: its targets opened, its format compiled. */
    public static ProxyLog of(Proxy proxy, List<LogServer> servers, String globalTag, Syslog syslog, IntSupplier actconn,
                              CompileScope scope) throws NotSupported {
        ProxyConfig c = proxy.config();
        org.jhaproxy.config.source.Line tagLine = c.last("log-tag");
        String tag = tagLine != null ? tagLine.arg(1) : globalTag;
        String fmt = c.logging().format();
        boolean http = c.mode() == ProxyMode.HTTP;
        LogFormatSource src = c.logging().source();
        if (!http && (src == LogFormatSource.HTTPLOG || src == LogFormatSource.HTTPLOG_CLF || src == LogFormatSource.HTTPSLOG)) {
            // "'option httplog' not usable with frontend 'fe' (needs 'mode http'). Falling back to 'option tcplog'."
            fmt = TCP_LOG_FORMAT;
        }
        LogLine line = fmt == null || fmt.isEmpty() || servers.isEmpty() ? null : LogLine.compile(fmt, http, LogOptions.LOG_LINE, scope);
        ProxyLog pl = new ProxyLog(proxy, servers, tag, line, syslog, actconn);
        pl.uniqueId = UniqueId.of(c, scope);
        String sd = c.logging().formatSd();
        if (line != null && sd != null && !sd.isEmpty()) {
            pl.structuredData = LogLine.compile(sd, http, LogOptions.LOG_LINE, scope);
        }
        return pl;
    }

    /** "unique-id-format" and "unique-id-header", null without them. */
    UniqueId uniqueId() {
        return uniqueId;
    }

    /**
     * "option logasap": the line goes out when the response head was forwarded (the end of
     * http_process_res_common()), with the total time at that instant and the bytes so far.
     * Returns whether it was sent (the stream then logs nothing at its end).
     */
    public boolean headersForwarded(StreamLog log, SampleContext samples) {
        if (!logasap || format == null) {
            return false;
        }
        log.close = log.data;
        streamEnded(log, samples);
        return true;
    }

    /** The capture slots this proxy declares as a frontend. */
    public CaptureSlots captureSlots() {
        return captureSlots;
    }

    /** The proxy has log targets. */
    public boolean enabled() {
        return !servers.isEmpty();
    }

    /** The proxy logs a line per stream (it has a log-format); else only the accept line. */
    public boolean logsStreams() {
        return format != null;
    }

    /**
     * frontend_accept() without a log-format: "Connect from 127.0.0.1:40000 to 127.0.0.1:80 (fe/HTTP)".
     */
    public void accepted(java.net.SocketAddress client, java.net.SocketAddress local) {
        if (servers.isEmpty() || format != null) {
            return;
        }
        String mode = proxy.isHttp() ? "HTTP" : "TCP";
        String msg;
        if (client instanceof InetSocketAddress c) {
            InetSocketAddress l = (InetSocketAddress) local;
            msg = String.format("Connect from %s:%d to %s:%d (%s/%s)", org.jhaproxy.runtime.sample.Addresses.text(c.getAddress()),
                    c.getPort(), org.jhaproxy.runtime.sample.Addresses.text(l.getAddress()), l.getPort(), proxy.name(), mode);
        } else {
            msg = String.format("Connect to unix:%d (%s/%s)", 1, proxy.name(), mode);
        }
        syslog.send(servers, tag, LogLevel.INFO, msg, "-");
    }

    /**
     * strm_log(): the stream's line, at "info", or "err" for an error with "option
     * log-separate-errors"; with "option dontlognull" a stream that received nothing from the
     * client is not logged, with "option dontlog-normal" one that is no error.
     */
    public void streamEnded(StreamLog log, SampleContext samples) {
        if (format == null) {
            return;
        }
        if (dontLogNull && log.bytesIn == 0) {
            return;
        }
        boolean err = log.isError(proxy.isHttp(), 0);
        if (dontLogNormal && !err) {
            return; // "option dontlog-normal": only what strm_log() counts as an error
        }
        LogLevel level = err && separateErrors ? LogLevel.ERR : LogLevel.INFO;
        log.logasap = logasap;
        long n = count.getAndIncrement();
        LogInput in = new LogInput(samples.log(log), log, actconn.getAsInt(), n);
        // strm_log() builds the structured data first, then the line
        String sd = structuredData == null ? "-" : structuredData.build(in);
        String line = format.build(in);
        syslog.send(servers, tag, level, line, sd);
    }

    /**
     * session_kill_embryonic(): a connection that failed before it became a stream (a bad or
     * missing PROXY protocol header) logs "ip:port [accept date] fe/listener: message", at "info"
     * ("err" with "option log-separate-errors"), only for a frontend that logs streams, and with
     * "option dontlognull" not when the client sent nothing ({@code nothingReceived}).
     */
    public void embryonicKilled(InetSocketAddress client, long acceptMicros, String listener, String message,
                                boolean nothingReceived) {
        if (format == null || dontLogNull && nothingReceived) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        if (client == null) {
            sb.append("unknown [");
        } else {
            sb.append(org.jhaproxy.runtime.sample.Addresses.text(client.getAddress())).append(':').append(client.getPort())
                    .append(" [");
        }
        LogDates.local(sb, acceptMicros);
        sb.append("] ").append(proxy.name()).append('/').append(listener).append(": ").append(message);
        syslog.send(servers, tag, separateErrors ? LogLevel.ERR : LogLevel.INFO, sb.toString(), "-");
    }

    /** send_log() for this proxy: process events (server state changes...) with its tag. */
    public void event(LogLevel level, String message) {
        syslog.send(servers, tag, level, message, "-");
    }
}
