package org.jhaproxy.runtime.log;

import java.io.IOException;
import java.util.List;
import java.util.function.IntSupplier;
import io.netty.channel.EventLoop;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;

/**
 * The process's logging, set up at start: the global targets and tag, and each proxy's logger.
 * Process events without a proxy go to the global targets, as send_log(NULL, ...) does.
 */
public final class Logging implements AutoCloseable {
    /** The tag when "log-tag" is not set: haproxy's program name, which log routing rules match on. */
    public static final String DEFAULT_TAG = "haproxy";

    private final Syslog syslog;
    private final List<LogServer> global;
    private final String tag;

    private final org.jhaproxy.runtime.sink.Sinks sinks;

    private Logging(Syslog syslog, List<LogServer> global, String tag, org.jhaproxy.runtime.sink.Sinks sinks) {
        this.syslog = syslog;
        this.global = global;
        this.tag = tag;
        this.sinks = sinks;
    }

    /** Opens every target and gives each proxy its logger. */
    public static Logging start(Config config, Proxies proxies, EventLoop loop, IntSupplier actconn)
            throws IOException, NotSupported {
        Line host = config.globalLine("log-send-hostname");
        String hostname = host == null ? null : host.arg(1).isEmpty() ? Hostname.get() : host.arg(1);
        Line tagLine = config.globalLine("log-tag");
        String tag = tagLine == null ? DEFAULT_TAG : tagLine.arg(1);
        org.jhaproxy.runtime.sink.Sinks sinks = org.jhaproxy.runtime.sink.Sinks.of(config);
        Syslog syslog = new Syslog(hostname, loop, sinks);
        try {
            List<LogServer> global = syslog.open(config.logTargets());
            for (Proxy p : proxies.all()) {
                List<LogServer> servers = syslog.open(p.config().logging().targets());
                p.log(ProxyLog.of(p, servers, tag, syslog, actconn, new CompileScope(p, proxies)));
            }
            return new Logging(syslog, global, tag, sinks);
        } catch (IOException | NotSupported | RuntimeException e) {
            syslog.close();
            throw e;
        }
    }

    /** send_log(proxy, level, message): the proxy's targets, the global ones for null. */
    public void send(Proxy proxy, LogLevel level, String message) {
        if (proxy == null || proxy.log() == null) {
            syslog.send(global, tag, level, message, "-");
        } else {
            proxy.log().event(level, message);
        }
    }

    /** The event sinks: the rings "log ring@" writes into and "show events" reads. */
    public org.jhaproxy.runtime.sink.Sinks sinks() {
        return sinks;
    }

    /** Where log-forward sections send what they receive. */
    public Syslog syslog() {
        return syslog;
    }

    /**
     * A hard stop (SIGTERM, SIGINT) ends the process at once: the lines of the streams already
     * logged are written first, as haproxy had written each when it was logged.
     */
    public void flush() {
        syslog.flush();
    }

    @Override
    public void close() {
        sinks.close();
        syslog.close();
    }
}
