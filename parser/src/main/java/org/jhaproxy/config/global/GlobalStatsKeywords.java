package org.jhaproxy.config.global;

import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.global.ModuleKeyword.Outcome;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.server.BindArguments;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The global "stats" keyword of the CLI module (cli_parse_global() in cli.c): "stats socket",
 * "stats timeout", "stats maxconn", "stats bind-process".
 */
final class GlobalStatsKeywords {
    /** str2listener()'s address options. */
    static final int LISTENER_OPTIONS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_MAND
            | AddressParser.PORT_RANGE | AddressParser.SOCKET_FD | AddressParser.STREAM | AddressParser.XPRT;

    private GlobalStatsKeywords() {
    }

    /** create_listeners(): one listener per port of a range. */
    private static int listeners(org.jhaproxy.config.addr.SocketAddress a) {
        return a.isRange() ? a.high() - a.low() + 1 : 1;
    }

    static Outcome parse(ParseContext ctx, Line line, GlobalBuilder g) {
        String what = line.arg(0) + " " + line.arg(1);
        switch (line.arg(1)) {
            case "socket" -> {
                if (line.arg(2).isEmpty()) {
                    return Outcome.error("'%s' in global section expects an address or a path to a UNIX socket", what);
                }
                String prefix = g.isSet("unix-bind prefix") ? g.get("unix-bind prefix").args().get(0) : null;
                AddressParseResult r = AddressParser.system(ctx.env()::get).parse(line.arg(2), LISTENER_OPTIONS, prefix, false);
                if (!r.ok()) {
                    return Outcome.error("parsing [%s:%d] : '%s' : %s\n", line.file(), line.lineNo(), what, r.error());
                }
                // the listener's options are bind keywords (cli_parse_global())
                String bad = BindArguments.parseStatsSocket(ctx, line, 3, listeners(r.address()));
                if (bad != null) {
                    return Outcome.error("%s", bad);
                }
                g.number("stats socket", g.number("stats socket") + 1);
                return Outcome.OK;
            }
            case "timeout" -> {
                TimeValue tv = TimeValue.parse(line.arg(2), TimeValue.MS, ctx.diag());
                switch (tv.status()) {
                    case OVERFLOW:
                        return Outcome.error("timer overflow in argument '%s' to '%s' (maximum value is 2147483647 ms or ~24.8 days)",
                                line.arg(2), what);
                    case UNDERFLOW:
                        return Outcome.error("timer underflow in argument '%s' to '%s' (minimum non-null value is 1 ms)", line.arg(2), what);
                    case BAD_CHAR:
                        return Outcome.error("'%s' : unexpected character '%s'", what, GlobalTuneKeywords.charText(tv.badChar()));
                    default:
                        break;
                }
                if (tv.value() == 0) {
                    return Outcome.error("'%s' expects a positive value", what);
                }
                return Outcome.OK;
            }
            case "maxconn" -> {
                if ((int) CNumber.atol(line.arg(2)) <= 0) {
                    return Outcome.error("'%s' expects a positive value", what);
                }
                return Outcome.OK;
            }
            case "bind-process" -> {
                for (int i = 2; !line.arg(i).isEmpty(); i++) {
                    if (line.arg(i).equals("all")) {
                        break;
                    }
                    CpuMap.ProcSet p = CpuMap.processNumber(line.arg(i), 1, false);
                    if (p.error() != null) {
                        return Outcome.error("'%s' : %s", what, p.error());
                    }
                }
                return Outcome.OK;
            }
            default -> {
                return Outcome.error("'%s' only supports 'socket', 'maxconn', 'bind-process' and 'timeout' (got '%s')",
                        line.arg(0), line.arg(1));
            }
        }
    }
}
