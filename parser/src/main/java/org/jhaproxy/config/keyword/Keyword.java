package org.jhaproxy.config.keyword;

/**
 * One registered configuration keyword: its name, the handler that parses it, a one-line usage
 * for -dK and the documentation, and whether the runtime executes it (else starting on a
 * configuration that uses it fails with "not supported by jhaproxy").
 */
public record Keyword<T>(String name, KeywordHandler<T> handler, String usage, boolean executed) {
}
