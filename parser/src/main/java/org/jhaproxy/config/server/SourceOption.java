package org.jhaproxy.config.server;

import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.diag.ErrCode;

/**
 * Outgoing-connection addresses of a server: "source <addr>[:<port>[-<port>]] [usesrc ...]
 * [interface <name>]" (srv_parse_source()) and "socks4 <addr>:<port>".
 */
final class SourceOption {
    static final int SOURCE_OPTIONS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_RANGE
            | AddressParser.STREAM | AddressParser.CONNECT;

    static final int USESRC_OPTIONS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.STREAM
            | AddressParser.CONNECT;

    private SourceOption() {
    }

    static int parseServerSource(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' expects <addr>[:<port>[-<port>]], and optionally '%s' <addr>, and '%s' <name> as argument.\n",
                    c.kw(), "usesrc", "interface"));
        }
        AddressParseResult r = AddressParser.system(c.ctx.env()::get).parse(c.value(), SOURCE_OPTIONS);
        if (!r.ok()) {
            return c.fail(String.format("'%s %s' : %s\n", c.kw(), c.value(), r.error()));
        }
        c.server.sourceSet(true);
        int i = c.index + 2;
        // the optional words that follow "source <addr>"
        while (!c.line.arg(i).isEmpty()) {
            String w = c.line.arg(i);
            if (w.equals("usesrc")) {
                String v = c.line.arg(i + 1);
                if (v.isEmpty()) {
                    c.next = i;
                    c.out.alert("'usesrc' expects <addr>[:<port>], 'client', 'clientip', or 'hdr_ip(name,#)' as argument.");
                    return ErrCode.ALERT_FATAL;
                }
                if (!v.equals("client") && !v.equals("clientip") && !v.startsWith("hdr_ip(")) {
                    AddressParseResult u = AddressParser.system(c.ctx.env()::get).parse(v, USESRC_OPTIONS);
                    if (!u.ok()) {
                        // printed at once; the option then fails without a message of its own
                        c.out.alert(String.format("'%s %s' : %s\n", w, v, u.error()));
                        c.next = i;
                        return ErrCode.ALERT_FATAL;
                    }
                }
                i += 2;
            } else if (w.equals("interface")) {
                if (c.line.arg(i + 1).isEmpty()) {
                    c.next = i;
                    c.out.alert(String.format("'%s' : missing interface name.", c.line.arg(0)));
                    return ErrCode.ALERT_FATAL;
                }
                i += 2;
            } else {
                break;
            }
        }
        c.next = i;
        return ErrCode.NONE;
    }

    static int parseSocks4(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' expects <addr>:<port> as argument.\n", c.kw()));
        }
        AddressParseResult r = AddressParser.system(c.ctx.env()::get).parse(c.value(),
                AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_MAND | AddressParser.STREAM | AddressParser.CONNECT);
        if (!r.ok()) {
            return c.fail(String.format("'%s %s' : %s\n", c.kw(), c.value(), r.error()));
        }
        return ErrCode.NONE;
    }
}
