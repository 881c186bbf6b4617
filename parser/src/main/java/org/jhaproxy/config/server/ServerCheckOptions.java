package org.jhaproxy.config.server;

import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyCapability;

/** The health-check options of server lines (check.c srv_kws). */
final class ServerCheckOptions {
    private ServerCheckOptions() {
    }

    static void register(ServerOptions.Registrar r) {
        r.add("addr", 1, true, "", ServerCheckOptions::addr);
        r.add("agent-addr", 1, true, "", ServerCheckOptions::agentAddr);
        r.add("agent-check", 0, true, "", c -> {
            c.server.agentCheck(true);
            return backendOnly(c);
        });
        r.add("agent-inter", 1, true, "", ServerCheckOptions::delay);
        r.add("agent-port", 1, true, "", ServerCheckOptions::agentPort);
        r.add("agent-send", 1, true, "", c -> c.value().isEmpty()
                ? c.fail(String.format("'%s' expects a string as argument.", c.kw())) : ErrCode.NONE);
        r.add("check", 0, true, "", c -> {
            c.server.check(true);
            return backendOnly(c);
        });
        r.add("check-proto", 1, true, "", c -> {
            if (c.value().isEmpty()) {
                return c.fail(String.format("'%s' : missing value", c.kw()));
            }
            return MuxProtocols.isKnown(c.value(), MuxProtocols.Side.BACKEND) ? ErrCode.NONE
                    : c.fail(String.format("'%s' :  unknown MUX protocol '%s'", c.kw(), c.value()));
        });
        r.add("check-send-proxy", 0, true, "", c -> ErrCode.NONE);
        r.add("check-via-socks4", 0, true, "", c -> ErrCode.NONE);
        r.add("no-agent-check", 0, true, "", c -> {
            c.server.agentCheck(false);
            return ErrCode.NONE;
        });
        r.add("no-check", 0, true, "", c -> {
            c.server.check(false);
            return ErrCode.NONE;
        });
        r.add("no-check-send-proxy", 0, true, "", c -> ErrCode.NONE);
        r.add("rise", 1, true, "", c -> ServerOptions.positive(c, "'%s' expects an integer argument.", "'%s' has to be > 0."));
        r.add("fall", 1, true, "", c -> ServerOptions.positive(c, "'%s' expects an integer argument.", "'%s' has to be > 0."));
        r.add("inter", 1, true, "", ServerCheckOptions::delay);
        r.add("fastinter", 1, true, "", ServerCheckOptions::delay);
        r.add("downinter", 1, true, "", ServerCheckOptions::delay);
        r.add("port", 1, true, "", c -> {
            if (c.value().isEmpty()) {
                return c.fail(String.format("'%s' expects a port number as argument.", c.kw()));
            }
            // the check port is the agent's too until "agent-port" sets one (srv_parse_check_port())
            if (!c.server.options().containsKey("agent-port")) {
                c.server.agentPort(Atoi.atol(c.value()));
            }
            return ErrCode.NONE;
        });
    }

    /** "check" and "agent-check" in a proxy that cannot have servers only warn. */
    private static int backendOnly(ServerOption.Call c) {
        if (!c.proxy.has(ProxyCapability.BACKEND) && !c.proxy.isDefaults()) {
            c.error = String.format("'%s' ignored because %s '%s' has no backend capability", c.kw(), c.proxy.typeName(), c.proxy.name());
            return ErrCode.WARN;
        }
        return ErrCode.NONE;
    }

    private static int addr(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' expects <ipv4|ipv6> as argument.", c.kw()));
        }
        AddressParseResult r = AddressParser.system(c.ctx.env()::get).parse(c.value(),
                AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.STREAM | AddressParser.CONNECT);
        if (!r.ok()) {
            return c.fail(String.format("'%s' : %s", c.kw(), r.error()));
        }
        return ErrCode.NONE;
    }

    /** str2ip(): a literal or a name resolved now. */
    private static int agentAddr(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' expects an address as argument.", c.kw()));
        }
        if (AddressParser.system(null).resolveName(c.value(), org.jhaproxy.config.addr.AddressFamily.UNSPEC) == null) {
            return c.fail(String.format("parsing agent-addr failed. Check if '%s' is correct address.", c.value()));
        }
        return ErrCode.NONE;
    }

    private static int agentPort(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' expects a port number as argument.", c.kw()));
        }
        c.server.agentPort(Atoi.atol(c.value()));
        return ErrCode.NONE;
    }

    /** inter, fastinter, downinter, agent-inter: a delay in milliseconds, never zero. */
    private static int delay(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' expects a delay as argument.", c.kw()));
        }
        TimeArg t = TimeArg.parseMs(c.value(), c.out::warning);
        return switch (t.kind()) {
            case OVERFLOW -> c.fail(String.format("timer overflow in argument <%s> to <%s> of server %s, maximum value is 2147483647 ms (~24.8 days).",
                    c.value(), c.kw(), c.serverId()));
            case UNDERFLOW -> c.fail(String.format("timer underflow in argument <%s> to <%s> of server %s, minimum non-null value is 1 ms.",
                    c.value(), c.kw(), c.serverId()));
            // HAProxy names 'agent-inter' here whatever the option
            case BAD_CHAR -> c.fail(String.format("unexpected character '%s' in 'agent-inter' argument of server %s.",
                    cChar(t.bad()), c.serverId()));
            default -> t.value() <= 0
                    ? c.fail(String.format("invalid value %d for argument '%s' of server %s.", t.value(), c.kw(), c.serverId()))
                    : ErrCode.NONE;
        };
    }

    /** A character as printf's %c shows it; NUL ends the printed message, as in C. */
    static String cChar(char c) {
        return String.valueOf(c);
    }
}
