package org.jhaproxy.config.proxy;

import java.util.List;

/** The syslog severities HAProxy's get_log_level() knows, by name. */
final class LogLevels {
    static final List<String> LEVELS = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug");

    private LogLevels() {
    }
}
