package org.jhaproxy.config.model;

import java.util.List;
import org.jhaproxy.config.addr.SocketAddress;

/**
 * A "log-forward" section, frozen (configuration.txt 3.10 "Log forwarding"): the stream
 * ("bind") and datagram ("dgram-bind") addresses it receives syslog messages on, the targets it
 * sends them to, and the limits of its stream connections (0 when not set).
 */
public record LogForwardConfig(String name, Position at, List<Receiver> receivers, List<LogTarget> logTargets,
                               long maxconn, long backlog, long timeoutClient) {
    /** One "bind" (stream) or "dgram-bind" (datagram) line: its address and the options after it. */
    public record Receiver(boolean datagram, String text, SocketAddress address, List<String> options, Position at) {
        public Receiver {
            options = List.copyOf(options);
        }
    }

    public LogForwardConfig {
        receivers = List.copyOf(receivers);
        logTargets = List.copyOf(logTargets);
    }

    public static LogForwardConfig freeze(NamedSection s) {
        return new LogForwardConfig(s.name(), s.at(), s.receivers(), s.logTargets(), number(s, "maxconn"), number(s, "backlog"),
                number(s, "timeout client"));
    }

    private static long number(NamedSection s, String kw) {
        GlobalBuilder.Setting v = s.settings().get(kw);
        if (v == null || v.args().isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(v.args().get(0));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
