package org.jhaproxy.runtime.log;

import java.util.Set;

/** The logging keywords the runtime executes (RuntimeSupport's entry format). */
public final class LogKeywords {
    public static final Set<String> EXECUTED = Set.of(
            "global log", "global log-tag", "global log-send-hostname",
            "proxy log", "proxy log-tag", "proxy log-format", "proxy log-format-sd",
            "proxy option httplog", "proxy option tcplog",
            "proxy option dontlognull", "proxy option dontlog-normal", "proxy option log-separate-errors",
            "proxy capture request", "proxy capture response", "proxy declare capture",
            "proxy option logasap", "proxy unique-id-format", "proxy unique-id-header");

    private LogKeywords() {
    }
}
