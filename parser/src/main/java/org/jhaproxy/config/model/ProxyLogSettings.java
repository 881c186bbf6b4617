package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The logging settings of a proxy section while it is parsed: its "log" targets and its
 * "log-format", "log-format-sd", "error-log-format" and "unique-id-format" strings, each with
 * the position of the line that set it (HAProxy's proxy->logsrvs and proxy->conf.logformat*).
 */
public final class ProxyLogSettings {
    /** The log targets of this proxy (copied from defaults, "no log" clears them). */
    private final List<LogTarget> targets = new ArrayList<>();
    private String format;
    private LogFormatSource formatSource;
    private Position formatAt;
    private String formatSd;
    private Position formatSdAt;
    private String errorFormat;
    private Position errorFormatAt;
    private String uniqueIdFormat;
    private Position uniqueIdFormatAt;

    /**
     * Copies the settings proxy_defproxy_cpy() copies: every proxy takes the log targets and
     * "unique-id-format", only a frontend takes the log formats.
     */
    void inheritFrom(ProxyLogSettings def, boolean frontend) {
        if (frontend) {
            format = def.format;
            formatSource = def.formatSource;
            formatAt = def.formatAt;
            formatSd = def.formatSd;
            formatSdAt = def.formatSdAt;
            errorFormat = def.errorFormat;
            errorFormatAt = def.errorFormatAt;
        }
        targets.addAll(def.targets);
        uniqueIdFormat = def.uniqueIdFormat;
        uniqueIdFormatAt = def.uniqueIdFormatAt;
    }

    public List<LogTarget> targets() {
        return targets;
    }

    /** The "log-format" string, or the one an "option httplog/tcplog" stands for. */
    public String format() {
        return format;
    }

    public LogFormatSource formatSource() {
        return formatSource;
    }

    public Position formatAt() {
        return formatAt;
    }

    public void format(String fmt, LogFormatSource source, Position where) {
        this.format = fmt;
        this.formatSource = source;
        this.formatAt = where;
    }

    /** The "log-format-sd" string. */
    public String formatSd() {
        return formatSd;
    }

    public Position formatSdAt() {
        return formatSdAt;
    }

    public void formatSd(String fmt, Position where) {
        this.formatSd = fmt;
        this.formatSdAt = where;
    }

    /** The "error-log-format" string. */
    public String errorFormat() {
        return errorFormat;
    }

    public Position errorFormatAt() {
        return errorFormatAt;
    }

    public void errorFormat(String fmt, Position where) {
        this.errorFormat = fmt;
        this.errorFormatAt = where;
    }

    public String uniqueIdFormat() {
        return uniqueIdFormat;
    }

    public Position uniqueIdFormatAt() {
        return uniqueIdFormatAt;
    }

    public void uniqueIdFormat(String fmt, Position where) {
        this.uniqueIdFormat = fmt;
        this.uniqueIdFormatAt = where;
    }
}
