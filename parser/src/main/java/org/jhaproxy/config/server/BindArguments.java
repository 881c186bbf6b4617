package org.jhaproxy.config.server;

import org.jhaproxy.config.diag.ErrCode;
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
    /**
     * The options of the global "stats socket" line (cli.c cli_parse_global()), from word
     * {@code first} on: the same bind keywords, but a warning is printed as
     * "parsing [f:l] : 'stats socket' : msg" and the first error is returned, as
     * "'stats socket' : 'msg'", for the global section to report; null when all are valid.
     */
    public static String parseStatsSocket(ParseContext ctx, Line line, int first, int listeners) {
        String what = line.arg(0) + " " + line.arg(1);
        int i = first;
        while (!line.arg(i).isEmpty()) {
            BindOption opt = BindOptions.find(line.arg(i));
            if (opt == null) {
                String best = BindOptions.bestMatch(line.arg(i));
                return best != null
                        ? String.format("'%s' : unknown keyword '%s'. Did you mean '%s' maybe ?", what, line.arg(i), best)
                        : String.format("'%s' : unknown keyword '%s'.", what, line.arg(i));
            }
            BindOption.Call call = new BindOption.Call(ctx, line, i, listeners);
            int code = opt.parser().parse(call);
            boolean hasMsg = call.error != null && !call.error.isEmpty();
            if ((code & (ErrCode.WARN | ErrCode.FATAL | ErrCode.ALERT)) == ErrCode.WARN && hasMsg) {
                ctx.diag().warning(String.format("parsing [%s:%d] : '%s' : %s", line.file(), line.lineNo(), what,
                        BindLine.indent(BindLine.stripNewline(call.error))));
                hasMsg = false;
            }
            if ((code & ~ErrCode.WARN) != 0) {
                return hasMsg ? String.format("'%s' : '%s'", what, call.error)
                        : String.format("'%s' : error encountered while processing '%s'", what, line.arg(i));
            }
            i += 1 + opt.skip();
        }
        return null;
    }
    /**
     * The options of a log-forward "dgram-bind" line (log.c cfg_parse_log_forward()), from word
     * {@code first} on: known keywords in turn, then the first unknown word is an unknown keyword
     * of the section. Messages are "parsing [f:l] : msg". Returns the ErrCode bits.
     */
    public static int parseReceiverOptions(ParseContext ctx, Line line, int first, String section, int listeners) {
        int err = ErrCode.NONE;
        int i = first;
        while (!line.arg(i).isEmpty()) {
            BindOption opt = BindOptions.find(line.arg(i));
            if (opt == null) {
                break;
            }
            BindOption.Call call = new BindOption.Call(ctx, line, i, listeners);
            int code = opt.parser().parse(call);
            err |= code;
            if (code != 0) {
                if (call.error != null && !call.error.isEmpty()) {
                    ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(),
                            BindLine.indent(BindLine.stripNewline(call.error))));
                } else {
                    ctx.diag().alert(String.format("parsing [%s:%d]: error encountered while processing '%s'", line.file(), line.lineNo(), line.arg(i)));
                }
                if ((code & ErrCode.FATAL) != 0) {
                    return err;
                }
            }
            i += 1 + opt.skip();
        }
        if (!line.arg(i).isEmpty()) {
            String best = BindOptions.bestMatch(line.arg(i));
            ctx.diag().alert(best != null
                    ? String.format("parsing [%s:%d] : unknown keyword '%s' in '%s' section; did you mean '%s' maybe ?",
                            line.file(), line.lineNo(), line.arg(i), section, best)
                    : String.format("parsing [%s:%d] : unknown keyword '%s' in '%s' section.", line.file(), line.lineNo(), line.arg(i), section));
            err |= ErrCode.ALERT_FATAL;
        }
        return err;
    }

    /** create_listeners(): one listener per port of a range. */
    public static int listenerCount(org.jhaproxy.config.addr.SocketAddress address) {
        return BindLine.listenerCount(java.util.List.of(address));
    }
}
