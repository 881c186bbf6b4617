package org.jhaproxy.config.server;

import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.server.ServerBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The "server", "default-server" and "server-template" keywords (server.c parse_server()):
 * name or prefix, address, then options, each message prefixed with the line and, once the
 * server exists, "'server proxy/name' : " (HAProxy's user-messages context).
 */
final class ServerLine {
    /** _srv_parse_init()'s address options: names are kept to be resolved at startup. */
    static final int ADDRESS_OPTIONS = AddressParser.PORT_OK | AddressParser.PORT_OFS | AddressParser.STREAM
            | AddressParser.XPRT | AddressParser.CONNECT;

    enum Kind { SERVER, DEFAULT_SERVER, TEMPLATE }

    /** parse_server()'s SRV_PARSE_* flags beyond the line kind. */
    public enum Flag {
        /** the line carries an address (else: a local peer's "server <name>") */
        PARSE_ADDR,
        /** resolve the name now (peers, rings, resolvers): an unknown name is an invalid address */
        INITIAL_RESOLVE,
        /** a "server" line of a peers section: without an address it is the local peer */
        IN_PEER_SECTION
    }

    private ServerLine() {
    }

    /**
     * HAProxy's user-messages context: the next message printed gets the "[file:line] : " and
     * "'server px/name' : " prefix, and printing consumes it (print_message() resets the
     * context), so a second message of the same line goes without it.
     */
    static final class Messages {
        private final ParseContext ctx;
        private String where;
        private String object = "";

        Messages(ParseContext ctx, Line line) {
            this.ctx = ctx;
            this.where = "[" + line.file() + ":" + line.lineNo() + "] : ";
        }

        /** register_parsing_obj(): the server is now the context's object. */
        void server(String proxy, String name) {
            this.object = "'server " + proxy + "/" + (name == null ? "(null)" : name) + "' : ";
        }

        void alert(String text) {
            ctx.diag().alert(consume() + cut(text));
        }

        void warning(String text) {
            ctx.diag().warning(consume() + cut(text));
        }

        private String consume() {
            String p = where + object;
            where = "";
            object = "";
            return p;
        }

        /** A NUL printed with %c ends the C string there. */
        private static String cut(String text) {
            int nul = text.indexOf('\0');
            return nul >= 0 ? text.substring(0, nul) : text;
        }
    }

    static int parse(ParseContext ctx, Line line, ProxyBuilder px, Kind kind) {
        return parse(ctx, line, px, kind, java.util.EnumSet.of(Flag.PARSE_ADDR));
    }

    static int parse(ParseContext ctx, Line line, ProxyBuilder px, Kind kind, java.util.Set<Flag> flags) {
        Messages out = new Messages(ctx, line);
        boolean parseAddr = flags.contains(Flag.PARSE_ADDR) && kind != Kind.DEFAULT_SERVER;
        if (flags.contains(Flag.IN_PEER_SECTION) && parseAddr && line.arg(2).isEmpty()) {
            return ErrCode.NONE;
        }
        if (kind != Kind.DEFAULT_SERVER && px.isDefaults()) {
            out.alert(String.format("'%s' not allowed in 'defaults' section.", line.keyword()));
            return ErrCode.ALERT_FATAL;
        }
        if (!px.has(ProxyCapability.BACKEND) && !px.isDefaults()) {
            out.alert(String.format("parsing [%s:%d] : '%s' not allowed because %s '%s' has no backend capability.",
                    line.file(), line.lineNo(), line.keyword(), px.typeName(), px.name()));
            return ErrCode.ALERT_FATAL;
        }
        ServerBuilder defaults = defaultServer(ctx, px);
        ServerBuilder srv;
        int cur;
        if (kind == Kind.DEFAULT_SERVER) {
            srv = defaults;
            cur = 1;
        } else {
            if (parseAddr && kind == Kind.TEMPLATE && line.arg(3).isEmpty()) {
                out.alert(String.format("'%s' expects <prefix> <nb | range> <addr>[:<port>] as arguments.", line.keyword()));
                return ErrCode.ALERT_FATAL;
            }
            if (parseAddr && kind == Kind.SERVER && line.arg(2).isEmpty()) {
                out.alert(String.format("'%s' expects <name> and <addr>[:<port>] as arguments.", line.keyword()));
                return ErrCode.ALERT_FATAL;
            }
            int bad = parseAddr ? invalidChar(line.arg(1), kind == Kind.SERVER) : -1;
            if (bad >= 0) {
                out.alert(String.format("character '%s' is not permitted in %s %s '%s'.", bad < line.arg(1).length() ? line.arg(1).charAt(bad) : "\0",
                        line.keyword(), kind == Kind.SERVER ? "name" : "prefix", line.arg(1)));
                return ErrCode.ALERT_FATAL;
            }
            cur = 2;
            int low = 0;
            int high = 0;
            if (kind == Kind.TEMPLATE) {
                int[] range = templateRange(line.arg(2));
                if (range == null) {
                    out.alert(String.format("Wrong %s number or range arg '%s'.", line.keyword(), line.arg(2)));
                    return ErrCode.ALERT_FATAL;
                }
                low = range[0];
                high = range[1];
                cur++;
            }
            srv = new ServerBuilder(defaults);
            srv.at(new Position(line.file(), line.lineNo()));
            if (kind == Kind.TEMPLATE) {
                srv.template(low, high);
                srv.name(line.arg(1));
                out.server(px.name(), null);
            } else {
                srv.name(line.arg(1));
                out.server(px.name(), srv.name());
            }
            px.servers().add(srv);
            px.noteServer();
            if (parseAddr) {
                int opts = ADDRESS_OPTIONS | (flags.contains(Flag.INITIAL_RESOLVE) ? AddressParser.RESOLVE : 0);
                AddressParseResult r = AddressParser.system(ctx.env()::get).parse(line.arg(cur), opts, null, true);
                if (!r.ok()) {
                    // ha_alert("%s\n"): a message ending in a newline leaves an empty line
                    out.alert(r.error() + "\n");
                    return ErrCode.ALERT_FATAL;
                }
                srv.address(r.address(), line.arg(cur));
                cur++;
            }
        }

        int err = ErrCode.NONE;
        while (!line.arg(cur).isEmpty()) {
            ServerOption opt = ServerOptions.find(line.arg(cur));
            String hint = parseAddr ? "" : " Hint: no address was expected for this server.";
            if (opt == null) {
                String best = ServerOptions.bestMatch(line.arg(cur));
                out.alert(best != null
                        ? String.format("unknown keyword '%s'; did you mean '%s' maybe ?%s", line.arg(cur), best, hint)
                        : String.format("unknown keyword '%s'.%s", line.arg(cur), hint));
                return ErrCode.ALERT_FATAL;
            }
            if (kind == Kind.DEFAULT_SERVER && !opt.defaultOk()) {
                out.alert(String.format("'%s' option is not accepted in default-server sections", line.arg(cur)));
                err = ErrCode.ALERT;
                cur += opt.skip() == -1 ? 0 : 1 + opt.skip();
                if (opt.skip() == -1) {
                    cur++;
                }
                continue;
            }
            ServerOption.Call call = new ServerOption.Call(ctx, line, cur, px, srv, out);
            int first = cur;
            err = opt.parser().parse(call);
            if (err != 0) {
                report(out, call, err, opt.skip() == -1 ? line.arg(call.next) : call.kw());
            }
            cur = opt.skip() == -1 ? call.next : cur + 1 + opt.skip();
            if ((err & ErrCode.FATAL) != 0) {
                return err;
            }
            if (opt.name().equals("no-check") || opt.name().equals("check")) {
                srv.options().put(opt.name(), "");
            } else {
                srv.options().put(opt.name(), opt.skip() == 1 ? call.value() : opt.skip() == -1 ? words(line, first + 1, cur) : "");
            }
        }
        if (kind != Kind.DEFAULT_SERVER) {
            err |= finish(out, srv);
        }
        return err;
    }

    /** display_parser_err(): the option's message followed by a dot, or a generic one. */
    private static void report(Messages out, ServerOption.Call call, int code, String token) {
        String text;
        if (call.error != null && call.error.isEmpty()) {
            return; // already printed by the option
        }
        if (call.error != null) {
            String e = call.error;
            int nul = e.indexOf('\0');
            if (nul >= 0) {
                e = e.substring(0, nul); // the C string ends at a NUL printed with %c
            }
            while (e.endsWith("\n")) {
                e = e.substring(0, e.length() - 1);
            }
            text = BindLine.indent(e) + ".";
        } else {
            text = "error encountered while processing '" + token + "'.";
        }
        if ((code & ErrCode.WARN) != 0 && (code & ErrCode.ALERT) == 0) {
            out.warning(text);
        } else {
            out.alert(text);
        }
    }

    /** _srv_parse_finalize(): the checks once all options of the line are read. */
    private static int finish(Messages out, ServerBuilder srv) {
        if (srv.check() && srv.track() != null) {
            out.alert("unable to enable checks and tracking at the same time!");
            return ErrCode.ALERT_FATAL;
        }
        if (srv.agentCheck() && srv.agentPort() == 0) {
            out.alert(String.format("server %s does not have agent port. Agent check has been disabled.", srv.name()));
            return ErrCode.ALERT_FATAL;
        }
        return ErrCode.NONE;
    }

    /**
     * The proxy's default-server settings: its own once it has some, else a copy of those of
     * the defaults section it was created from (a proxy starts as a copy of its defaults).
     */
    static ServerBuilder defaultServer(ParseContext ctx, ProxyBuilder px) {
        ServerBuilder d = px.defaultServer();
        if (d == null) {
            ProxyBuilder from = px.parentDefaults();
            d = from != null && from.defaultServer() != null ? new ServerBuilder(from.defaultServer()) : new ServerBuilder();
            px.defaultServer(d);
        }
        return d;
    }

    /** invalid_char() for names (letters, digits, '.', ':', '_', '-'), invalid_prefix_char() for prefixes (no ':'). */
    static int invalidChar(String name, boolean allowColon) {
        if (name.isEmpty()) {
            return 0;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c < 128 && Character.isLetterOrDigit(c)) || c == '.' || c == '_' || c == '-' || (allowColon && c == ':');
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    /** _srv_parse_tmpl_range(): "N" means 1..N, "L-H" a range (atoi'ed); null when low &lt; 0 or high &lt; low. */
    static int[] templateRange(String arg) {
        int dash = arg.indexOf('-');
        int low = Atoi.atol(arg);
        int high;
        if (dash >= 0) {
            high = Atoi.atol(arg.substring(dash + 1));
        } else {
            high = low;
            low = 1;
        }
        if (low < 0 || high < low) {
            return null;
        }
        return new int[] {low, high};
    }

    /** The words of an option that takes a variable number ("source <addr> [usesrc ...]"), joined by spaces. */
    private static String words(org.jhaproxy.config.source.Line line, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(line.arg(i));
        }
        return sb.toString();
    }
}
