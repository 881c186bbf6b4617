package org.jhaproxy.config.model;

/**
 * Where the expressions being parsed belong, as HAProxy's proxy->conf.args ctx/file/line:
 * the proxy whose list receives their unresolved arguments, the context words of the
 * resolution messages ("in", "in log-format string in"...), and the line they were written on.
 */
public record ArgScope(ProxyBuilder px, String where, Position at) {
}
