package org.jhaproxy.config.model;

import java.util.List;

/**
 * What a proxy logs and where: its log targets ("log" lines, "log global" copies, after "no log"),
 * its log-format string (from "log-format", "option httplog", "option tcplog"..., null when none)
 * and where that came from, and "log-format-sd".
 */
public record ProxyLogging(List<LogTarget> targets, String format, LogFormatSource source, String formatSd) {
    public ProxyLogging {
        targets = List.copyOf(targets);
    }
}
