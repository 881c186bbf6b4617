package org.jhaproxy.runtime.log;

/** The syslog severities, in haproxy's order and with its names ("emerg" ... "debug"). */
public enum LogLevel {
    EMERG, ALERT, CRIT, ERR, WARNING, NOTICE, INFO, DEBUG;

    /** The syslog number (0 for emerg ... 7 for debug). */
    public int code() {
        return ordinal();
    }

    /** The level a configuration names ("err", "info"...), or null. */
    public static LogLevel named(String name) {
        for (LogLevel l : values()) {
            if (l.name().equalsIgnoreCase(name)) {
                return l;
            }
        }
        return null;
    }
}
