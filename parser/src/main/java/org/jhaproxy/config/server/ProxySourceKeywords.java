package org.jhaproxy.config.server;

import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/** The proxy-level "source", "usesrc" and "dispatch" keywords (cfgparse-listen.c). */
final class ProxySourceKeywords {
    private static final int SOURCE_OPTIONS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.STREAM
            | AddressParser.CONNECT;
    private static final int DISPATCH_OPTIONS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_MAND
            | AddressParser.STREAM | AddressParser.XPRT | AddressParser.CONNECT;

    private ProxySourceKeywords() {
    }

    private static String at(Line line) {
        return String.format("parsing [%s:%d] : ", line.file(), line.lineNo());
    }

    /** warnifnotcap(): the keyword is ignored in a proxy without that side. */
    private static int warnIfNotBackend(ParseContext ctx, Line line, ProxyBuilder px) {
        if (!px.isDefaults() && !px.has(ProxyCapability.BACKEND)) {
            ctx.diag().warning(at(line) + String.format("'%s' ignored because %s '%s' has no backend capability.",
                    line.keyword(), px.typeName(), px.name()));
            return ErrCode.WARN;
        }
        return ErrCode.NONE;
    }

    static int source(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = warnIfNotBackend(ctx, line, px);
        if (line.arg(1).isEmpty()) {
            ctx.diag().alert(at(line) + String.format("'%s' expects <addr>[:<port>], and optionally '%s' <addr>, and '%s' <name>.",
                    "source", "usesrc", "interface"));
            return err | ErrCode.ALERT_FATAL;
        }
        AddressParser parser = AddressParser.system(ctx.env()::get);
        AddressParseResult r = parser.parse(line.arg(1), SOURCE_OPTIONS);
        if (!r.ok()) {
            ctx.diag().alert(at(line) + String.format("'%s %s' : %s\n", line.arg(0), line.arg(1), r.error()));
            return err | ErrCode.ALERT_FATAL;
        }
        int i = 2;
        while (!line.arg(i).isEmpty()) {
            String w = line.arg(i);
            String v = line.arg(i + 1);
            if (w.equals("usesrc")) {
                if (v.isEmpty()) {
                    ctx.diag().alert(at(line) + String.format("'%s' expects <addr>[:<port>], 'client', or 'clientip' as argument.", "usesrc"));
                    return err | ErrCode.ALERT_FATAL;
                }
                if (!v.equals("client") && !v.equals("clientip") && !v.startsWith("hdr_ip(")) {
                    AddressParseResult u = parser.parse(v, SOURCE_OPTIONS);
                    if (!u.ok()) {
                        ctx.diag().alert(at(line) + String.format("'%s %s' : %s\n", w, v, u.error()));
                        return err | ErrCode.ALERT_FATAL;
                    }
                }
            } else if (w.equals("interface")) {
                if (v.isEmpty()) {
                    ctx.diag().alert(at(line) + String.format("'%s' : missing interface name.", line.arg(0)));
                    return err | ErrCode.ALERT_FATAL;
                }
            } else {
                ctx.diag().alert(at(line) + String.format("'%s' only supports optional keywords '%s' and '%s'.",
                        line.arg(0), "interface", "usesrc"));
                return err | ErrCode.ALERT_FATAL;
            }
            i += 2;
        }
        return err;
    }

    static int usesrc(ParseContext ctx, Line line, ProxyBuilder px) {
        ctx.diag().alert(at(line) + String.format("'%s' only allowed after a '%s' statement.", "usesrc", "source"));
        return ErrCode.ALERT_FATAL;
    }

    static int dispatch(ParseContext ctx, Line line, ProxyBuilder px) {
        if (px.isDefaults()) {
            ctx.diag().alert(at(line) + String.format("'%s' not allowed in 'defaults' section.", line.keyword()));
            return ErrCode.ALERT_FATAL;
        }
        int err = warnIfNotBackend(ctx, line, px);
        AddressParseResult r = AddressParser.system(ctx.env()::get).parse(line.arg(1), DISPATCH_OPTIONS);
        if (!r.ok()) {
            ctx.diag().alert(at(line) + String.format("'%s' : %s\n", line.arg(0), r.error()));
            return err | ErrCode.ALERT_FATAL;
        }
        if (!line.arg(2).isEmpty()) {
            ctx.diag().alert(at(line) + String.format("'%s' cannot handle unexpected argument '%s'.", line.arg(0), line.arg(2)));
            return err | ErrCode.ALERT_FATAL;
        }
        return err;
    }
}
