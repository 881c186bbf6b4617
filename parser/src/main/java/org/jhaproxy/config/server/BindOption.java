package org.jhaproxy.config.server;

import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * One "bind" option (HAProxy's struct bind_kw): its name, how many words follow it, and its
 * parser, which returns ErrCode bits and puts its message in {@link Call#error}.
 */
record BindOption(String name, int skip, String usage, Parser parser) {

    @FunctionalInterface
    interface Parser {
        int parse(Call call);
    }

    /** The line being parsed, with the option at {@code index}. */
    static final class Call {
        final ParseContext ctx;
        final Line line;
        final int index;
        final int listeners;
        String error;

        Call(ParseContext ctx, Line line, int index, int listeners) {
            this.ctx = ctx;
            this.line = line;
            this.index = index;
            this.listeners = listeners;
        }

        String kw() {
            return line.arg(index);
        }

        String value() {
            return line.arg(index + 1);
        }

        int fail(String message) {
            this.error = message;
            return org.jhaproxy.config.diag.ErrCode.ALERT_FATAL;
        }
    }
}
