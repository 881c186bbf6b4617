package org.jhaproxy.config.sample;

/**
 * A rejected expression, carrying HAProxy's message (the "err" string its parsers build up
 * with memprintf); each caller wraps it in its own context, as HAProxy does.
 */
public final class ExprError extends Exception {
    public ExprError(String message) {
        super(message, null, false, false);
    }
}
