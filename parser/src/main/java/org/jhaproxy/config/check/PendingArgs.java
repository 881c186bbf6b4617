package org.jhaproxy.config.check;

import java.util.List;
import org.jhaproxy.config.model.ArgScope;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyReferences.PendingArg;
import org.jhaproxy.config.sample.ArgType;
import org.jhaproxy.config.sample.ConverterCall;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.config.sample.SampleExpr;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * Collects the arguments of fetches and converters that name a frontend, backend, server,
 * table or userlist into the proxy's list (HAProxy's proxy->conf.args), with the context its
 * resolution messages give: the words after the keyword come from the kind of line being
 * parsed, as the ARGC_* context HAProxy's parsers set before parsing an expression.
 */
public final class PendingArgs {
    private static final java.util.Set<String> PROXY_SECTIONS = java.util.Set.of("frontend", "backend", "listen");

    private PendingArgs() {
    }

    /** Called for every parsed expression; {@code kw} is the fetch or ACL keyword. */
    public static void record(ParseContext ctx, SampleExpr expr, String kw, boolean acl) {
        ArgScope scope = scope(ctx);
        if (scope == null || scope.px() == null) {
            return;
        }
        List<PendingArg> out = scope.px().references().args();
        String where = acl ? "in" : scope.where();
        add(out, expr.args(), null, kw, acl, where, scope.at());
        for (ConverterCall c : expr.converters()) {
            add(out, c.args(), c.converter().name(), kw, acl, where, scope.at());
        }
    }

    private static void add(List<PendingArg> out, List<SampleArg> args, String conv, String kw, boolean acl, String where, Position at) {
        for (int i = 0; i < args.size(); i++) {
            SampleArg a = args.get(i);
            ArgType t = a.type();
            if (t == ArgType.FE || t == ArgType.BE || t == ArgType.SRV || t == ArgType.TAB || t == ArgType.USR) {
                out.add(new PendingArg(t.name(), a.text(), i, conv, kw, acl, where, at));
            }
        }
    }

    /** The explicit scope of a post-parse compilation, else the proxy line being read. */
    static ArgScope scope(ParseContext ctx) {
        if (ctx.argScope() != null) {
            return ctx.argScope();
        }
        Line line = ctx.currentLine();
        if (line == null || ctx.currentSection() == null) {
            return null;
        }
        ProxyBuilder px;
        if (ctx.currentSection().equals("defaults")) {
            px = ctx.config().currentDefaults();
        } else if (PROXY_SECTIONS.contains(ctx.currentSection()) && !ctx.config().proxies().isEmpty()) {
            List<ProxyBuilder> all = ctx.config().proxies();
            px = all.get(all.size() - 1);
        } else {
            return null;
        }
        return new ArgScope(px, where(line), new Position(line.file(), line.lineNo()));
    }

    /** The ARGC_* context of an expression written on this line, as smp_resolve_args() words it. */
    static String where(Line line) {
        String kw = line.arg(0);
        String sub = line.arg(1);
        String action = line.arg(2);
        switch (kw) {
            case "http-request", "http-response", "http-after-response" -> {
                if (sub.equals("capture")) {
                    return "in capture rule in";
                }
                if (sub.startsWith("track-sc")) {
                    return "in tracking rule in";
                }
                return kw.equals("http-request") ? "in http-request expression in" : "in http-response response in";
            }
            case "tcp-request", "tcp-response" -> {
                if (action.equals("capture")) {
                    return "in capture rule in";
                }
                if (action.startsWith("track-sc")) {
                    return "in tracking rule in";
                }
                if (kw.equals("tcp-response")) {
                    return "in tcp-response content expression in";
                }
                return switch (sub) {
                    case "connection" -> "in tcp-request connection expression in";
                    case "session" -> "in tcp-request session expression in";
                    default -> "in tcp-request content expression in";
                };
            }
            case "stick" -> {
                return "in stick rule in";
            }
            case "redirect" -> {
                return "in redirect format string in";
            }
            case "use-server", "balance" -> {
                return "in use-server or balance expression in";
            }
            case "use_backend" -> {
                return "in use_backend expression in";
            }
            case "server", "default-server", "server-template" -> {
                return "in server directive in";
            }
            case "tcp-check", "http-check" -> {
                return "in tcp-check expression in";
            }
            case "http-error" -> {
                return "in http-error directive in";
            }
            default -> {
                return "in";
            }
        }
    }
}
