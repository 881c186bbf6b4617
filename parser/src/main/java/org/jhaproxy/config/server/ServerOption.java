package org.jhaproxy.config.server;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.server.ServerBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * One server option (HAProxy's struct srv_kw): name, words that follow it (-1: the parser
 * decides, like "source"), whether default-server accepts it, and its parser.
 */
record ServerOption(String name, int skip, boolean defaultOk, String usage, Parser parser) {

    @FunctionalInterface
    interface Parser {
        int parse(Call call);
    }

    /** A server line with the option at {@code index}; the parser may move {@code next} (skip -1). */
    static final class Call {
        final ParseContext ctx;
        final Line line;
        final int index;
        final ProxyBuilder proxy;
        final ServerBuilder server;
        final ServerLine.Messages out;
        int next;
        String error;

        Call(ParseContext ctx, Line line, int index, ProxyBuilder proxy, ServerBuilder server, ServerLine.Messages out) {
            this.ctx = ctx;
            this.line = line;
            this.index = index;
            this.proxy = proxy;
            this.server = server;
            this.out = out;
            this.next = index + 1;
        }

        String kw() {
            return line.arg(index);
        }

        String value() {
            return line.arg(index + 1);
        }

        /** The server's id as HAProxy prints it in messages ("(null)" for default-server). */
        String serverId() {
            return server.name() == null ? "(null)" : server.name();
        }

        int fail(String message) {
            this.error = message;
            return ErrCode.ALERT_FATAL;
        }

        int missing(String format) {
            return value().isEmpty() ? fail(String.format(format, kw())) : ErrCode.NONE;
        }
    }
}
