package org.jhaproxy.config.sample;

/**
 * One parsed argument of a fetch or converter: its declared type and its unquoted text (a
 * backend, table or server name stays text until the whole configuration is known).
 */
public record SampleArg(ArgType type, String text) {
}
