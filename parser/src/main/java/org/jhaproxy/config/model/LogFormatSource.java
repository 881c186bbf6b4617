package org.jhaproxy.config.model;

/**
 * Where a proxy's log-format string came from: HAProxy compares the string pointer with its
 * built-in formats to name the directive in "overrides previous '...'" warnings.
 */
public enum LogFormatSource {
    HTTPLOG("option httplog"),
    HTTPLOG_CLF("option httplog clf"),
    HTTPSLOG("option httpslog"),
    TCPLOG("option tcplog"),
    CUSTOM("log-format");

    private final String directive;

    LogFormatSource(String directive) {
        this.directive = directive;
    }

    public String directive() {
        return directive;
    }
}
