package org.jhaproxy.runtime.log;

import java.util.function.Consumer;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * Where the running process reports what happens outside a stream: server and backend state
 * changes, proxy stops. haproxy prints those on stderr (ha_warning(), ha_alert(), ha_notice(),
 * "[WARNING]  (pid) : ...") and sends them to the proxy's log targets (send_log()); each caller
 * decides which of the two, as haproxy's code does.
 */
public final class Events {
    private final Consumer<String> alert;
    private final Consumer<String> warning;
    private final Consumer<String> notice;
    private final EventSender sender;
    private final boolean starting;

    public Events(Consumer<String> alert, Consumer<String> warning, Consumer<String> notice, EventSender sender) {
        this(alert, warning, notice, sender, false);
    }

    private Events(Consumer<String> alert, Consumer<String> warning, Consumer<String> notice, EventSender sender,
                   boolean starting) {
        this.alert = alert;
        this.warning = warning;
        this.notice = notice;
        this.sender = sender;
        this.starting = starting;
    }

    /**
     * The reports of the start, while the configuration is applied (MODE_STARTING, e.g. a
     * server-state file): stderr lines say "config : " first, as haproxy's do in that phase, and
     * some changes are not reported at all ({@link #isStarting()}).
     */
    public Events starting() {
        return new Events(m -> alert.accept("config : " + m), m -> warning.accept("config : " + m),
                m -> notice.accept("config : " + m), sender, true);
    }

    /** haproxy's MODE_STARTING: entering maintenance or drain is not reported then. */
    public boolean isStarting() {
        return starting;
    }

    /** Nothing reported anywhere: for tests that start an engine without a process around it. */
    public static Events silent() {
        return new Events(m -> { }, m -> { }, m -> { }, (p, l, m) -> { });
    }

    /** The same stderr reports, with the log targets of a running engine. */
    public Events withSender(EventSender s) {
        return new Events(alert, warning, notice, s, starting);
    }

    /** send_log(): the message to the log targets of the proxy (the global ones for null). */
    public void log(Proxy proxy, LogLevel level, String message) {
        sender.send(proxy, level, message);
    }

    /** ha_alert(): "[ALERT]    (pid) : message" on stderr. */
    public void alert(String message) {
        alert.accept(message);
    }

    /** ha_warning(): "[WARNING]  (pid) : message" on stderr. */
    public void warning(String message) {
        warning.accept(message);
    }

    /** ha_notice(): "[NOTICE]   (pid) : message" on stderr. */
    public void notice(String message) {
        notice.accept(message);
    }

    /** Sends a process event (not a stream's log line) to a proxy's log targets. */
    @FunctionalInterface
    public interface EventSender {
        void send(Proxy proxy, LogLevel level, String message);
    }
}
