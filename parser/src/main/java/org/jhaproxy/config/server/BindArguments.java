package org.jhaproxy.config.server;

import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * bind_parse_args_list() for the other sections with "bind" lines (peers, log-forward): the
 * options after the address, with the messages of the proxies' "bind" lines.
 */
public final class BindArguments {
    private BindArguments() {
    }

    /**
     * Parses the options of {@code line} from word {@code first} on; {@code section} is the
     * section keyword named in messages ("peers", "log-forward"), {@code listeners} how many
     * addresses the line declared. Returns the ErrCode bits.
     */
    public static int parse(ParseContext ctx, Line line, int first, String section, int listeners) {
        return BindLine.parseOptions(ctx, line, first, section, listeners);
    }
}
