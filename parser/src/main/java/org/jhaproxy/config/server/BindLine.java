package org.jhaproxy.config.server;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.addr.SocketAddress;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.Bind;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The "bind" keyword of proxy sections (cfgparse-listen.c, str2listener() and
 * bind_parse_args_list()): one or more comma-separated addresses, then options.
 */
final class BindLine {
    /** str2listener()'s address options: resolved now, port mandatory, ranges allowed. */
    static final int ADDRESS_OPTIONS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_MAND
            | AddressParser.PORT_RANGE | AddressParser.SOCKET_FD | AddressParser.STREAM | AddressParser.XPRT;

    private BindLine() {
    }

    static int parse(ParseContext ctx, Line line, ProxyBuilder px) {
        String file = line.file();
        int ln = line.lineNo();
        if (px.isDefaults()) {
            ctx.diag().alert(String.format("parsing [%s:%d] : '%s' not allowed in 'defaults' section.", file, ln, line.keyword()));
            return ErrCode.ALERT_FATAL;
        }
        int err = ErrCode.NONE;
        if (!px.has(ProxyCapability.FRONTEND)) {
            ctx.diag().warning(String.format("parsing [%s:%d] : '%s' ignored because %s '%s' has no frontend capability.",
                    file, ln, line.keyword(), px.typeName(), px.name()));
            err |= ErrCode.WARN;
        }
        if (line.arg(1).isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s:%d] : '%s' expects {<path>|[addr1]:port1[-end1]}{,[addr]:port[-end]}... as arguments.",
                    file, ln, line.keyword()));
            return err | ErrCode.ALERT_FATAL;
        }
        AddressParser parser = AddressParser.system(ctx.env()::get);
        String unixPrefix = unixBindPrefix(ctx);
        List<SocketAddress> listeners = new ArrayList<>();
        for (String one : line.arg(1).split(",", -1)) {
            if (one.isEmpty()) {
                // str2listener() stops at an empty element (trailing comma)
                break;
            }
            AddressParseResult r = parser.parse(one, ADDRESS_OPTIONS, unixPrefix, false);
            if (!r.ok()) {
                ctx.diag().alert(String.format("parsing [%s:%d] : '%s' : %s", file, ln, line.keyword(), indent(r.errorLine())));
                return err | ErrCode.ALERT_FATAL;
            }
            listeners.add(r.address());
        }
        err |= parseOptions(ctx, line, 2, px.sectionKeyword(), listenerCount(listeners));
        if ((err & ErrCode.FATAL) == 0) {
            err |= checkListenerId(ctx, line, px);
        }
        px.binds().add(new Bind(new Position(file, ln), line.arg(1), line.args().subList(Math.min(2, line.args().size()), line.args().size()), listeners));
        return err;
    }

    /**
     * bind_parse_id(): a listener id is unique in its proxy; the message names the earlier
     * bind line that took it.
     */
    private static int checkListenerId(ParseContext ctx, Line line, ProxyBuilder px) {
        Long id = listenerId(line.args().subList(Math.min(2, line.args().size()), line.args().size()));
        if (id == null) {
            return ErrCode.NONE;
        }
        for (Bind b : px.binds()) {
            if (id.equals(listenerId(b.options()))) {
                ctx.diag().alert(String.format("parsing [%s:%d] : '%s %s' in section '%s' : 'id' : custom id %d already used at %s:%d ('bind %s')",
                        line.file(), line.lineNo(), line.arg(0), line.arg(1), px.sectionKeyword(), id, b.at().file(), b.at().line(),
                        b.address()));
                return ErrCode.ALERT_FATAL;
            }
        }
        return ErrCode.NONE;
    }

    /** The value of the last "id" option among bind options, walking them as the parser does. */
    private static Long listenerId(List<String> options) {
        Long id = null;
        int i = 0;
        while (i < options.size()) {
            BindOption opt = BindOptions.find(options.get(i));
            if (opt == null) {
                break;
            }
            if (opt.name().equals("id") && i + 1 < options.size()) {
                try {
                    id = Long.parseLong(options.get(i + 1));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            i += 1 + opt.skip();
        }
        return id;
    }

    /** create_listeners(): one listener per port of a range. */
    static int listenerCount(List<SocketAddress> addresses) {
        int n = 0;
        for (SocketAddress a : addresses) {
            n += a.isRange() ? a.high() - a.low() + 1 : 1;
        }
        return n;
    }

    /** bind_parse_args_list(): each option in turn, stopping at the first fatal one. */
    static int parseOptions(ParseContext ctx, Line line, int first, String section, int listeners) {
        int err = ErrCode.NONE;
        String head = String.format("parsing [%s:%d] : '%s %s' in section '%s'", line.file(), line.lineNo(),
                line.arg(0), line.arg(1), section);
        int i = first;
        while (!line.arg(i).isEmpty()) {
            BindOption opt = BindOptions.find(line.arg(i));
            if (opt == null) {
                String best = BindOptions.bestMatch(line.arg(i));
                ctx.diag().alert(best != null
                        ? String.format("%s: unknown keyword '%s'; did you mean '%s' maybe ?", head, line.arg(i), best)
                        : String.format("%s: unknown keyword '%s'.", head, line.arg(i)));
                return err | ErrCode.ALERT_FATAL;
            }
            BindOption.Call call = new BindOption.Call(ctx, line, i, listeners);
            int code = opt.parser().parse(call);
            err |= code;
            if (code != 0) {
                if (call.error != null && !call.error.isEmpty()) {
                    String msg = head + " : " + indent(stripNewline(call.error));
                    if ((code & (ErrCode.WARN | ErrCode.ALERT)) == ErrCode.WARN) {
                        ctx.diag().warning(msg);
                    } else {
                        ctx.diag().alert(msg);
                    }
                } else {
                    ctx.diag().alert(String.format("%s : error encountered while processing '%s'.", head, line.arg(i)));
                }
                if ((code & ErrCode.FATAL) != 0) {
                    return err;
                }
            }
            i += 1 + opt.skip();
        }
        return err;
    }

    /** The "prefix" of the global "unix-bind" setting, prepended to UNIX socket paths. */
    private static String unixBindPrefix(ParseContext ctx) {
        var p = ctx.config().global().get("unix-bind prefix");
        if (p != null && !p.args().isEmpty()) {
            return p.args().get(0);
        }
        var s = ctx.config().global().get("unix-bind");
        if (s == null) {
            return null;
        }
        List<String> a = s.args();
        for (int i = 0; i + 1 < a.size(); i++) {
            if (a.get(i).equals("prefix")) {
                return a.get(i + 1);
            }
        }
        return null;
    }

    static String stripNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** indent_msg(msg, 2) for multi-line messages: continuation lines are indented. */
    static String indent(String s) {
        return s.replace("\n", "\n  ");
    }
}
