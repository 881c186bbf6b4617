package org.jhaproxy.config.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.DidYouMean;

/**
 * The options of "server", "default-server" and "server-template" lines: server.c's own list
 * here, check.c's in {@link ServerCheckOptions}, cfgparse-ssl.c's in {@link ServerSslOptions}.
 */
final class ServerOptions {
    private static final Map<String, ServerOption> OPTIONS = new LinkedHashMap<>();

    /** Words "did you mean" also proposes: values of other options (server.c extra_kw_list). */
    private static final List<String> EXTRA_WORDS = List.of("ipv4", "ipv6", "legacy", "octet-count",
            "fail-check", "sudden-death", "mark-down");

    interface Registrar {
        void add(String name, int skip, boolean defaultOk, String usage, ServerOption.Parser parser);
    }

    static {
        flag("backup", true, "Flag as backup server", c -> {
            c.server.backup(true);
            return ErrCode.NONE;
        });
        add("cookie", 1, true, "Assign a cookie to this server", c -> c.missing("'%s' expects <value> as argument.\n"));
        flag("disabled", true, "Start the server in 'disabled' state", c -> {
            c.server.disabled(true);
            return ErrCode.NONE;
        });
        flag("enabled", true, "Start the server in 'enabled' state", c -> {
            c.server.disabled(false);
            return ErrCode.NONE;
        });
        add("error-limit", 1, true, "Configure the consecutive count of check failures to consider a server on error",
                c -> positive(c, "'%s' expects an integer argument.", "%s has to be > 0."));
        add("ws", 1, true, "websocket protocol", ServerOptions::ws);
        add("id", 1, false, "set id#", ServerOptions::id);
        add("init-addr", 1, true, "", InitAddrOption::parse);
        add("log-proto", 1, true, "Set the protocol for event messages, only relevant in a ring section", c -> choice(c,
                "'%s' expects one of 'legacy' or 'octet-count' but got '%s'", "legacy", "octet-count"));
        add("maxconn", 1, true, "Set the max number of concurrent connection", c -> ErrCode.NONE);
        add("maxqueue", 1, true, "Set the max number of connection to put in queue", c -> ErrCode.NONE);
        add("max-reuse", 1, true, "Set the max number of requests on a connection, -1 means unlimited",
                c -> c.missing("'%s' expects <value> as argument.\n"));
        add("minconn", 1, true, "Enable a dynamic maxconn limit", c -> ErrCode.NONE);
        add("namespace", 1, true, "Namespace the server socket belongs to (if supported)", c -> {
            if (c.value().isEmpty()) {
                return c.fail(String.format("'%s' : expects <name> as argument", c.kw()));
            }
            if (!c.value().equals("*") && !NetNamespaces.exists(c.value())) {
                return c.fail(String.format("Cannot open namespace '%s'", c.value()));
            }
            return ErrCode.NONE;
        });
        flag("no-backup", true, "Flag as non-backup server", c -> {
            c.server.backup(false);
            return ErrCode.NONE;
        });
        flag("no-send-proxy", true, "Disable use of PROXY V1 protocol", null);
        flag("no-send-proxy-v2", true, "Disable use of PROXY V2 protocol", null);
        flag("no-tfo", true, "Disable use of TCP Fast Open", null);
        flag("non-stick", true, "Disable stick-table persistence", null);
        add("observe", 1, true, "Enables health adjusting based on observing communication with the server", ServerOptions::observe);
        add("on-error", 1, true, "Configure the action on check failure", c -> choice(c,
                "'%s' expects one of 'fastinter', 'fail-check', 'sudden-death' or 'mark-down' but got '%s'",
                "fastinter", "fail-check", "sudden-death", "mark-down"));
        add("on-marked-down", 1, true, "Configure the action when a server is marked down",
                c -> choice(c, "'%s' expects 'shutdown-sessions' but got '%s'", "shutdown-sessions"));
        add("on-marked-up", 1, true, "Configure the action when a server is marked up",
                c -> choice(c, "'%s' expects 'shutdown-backup-sessions' but got '%s'", "shutdown-backup-sessions"));
        add("pool-low-conn", 1, true, "Set the min number of orphan idle connecbefore being allowed to pick from other threads",
                c -> c.missing("'%s' expects <value> as argument.\n"));
        add("pool-max-conn", 1, true, "Set the max number of orphan idle connections, -1 means unlimited", ServerOptions::poolMaxConn);
        add("pool-purge-delay", 1, true, "Set the time before we destroy orphan idle connections, defaults to 1s",
                ServerOptions::poolPurgeDelay);
        add("proto", 1, true, "Set the proto to use for all outgoing connections", ServerOptions::proto);
        add("proxy-v2-options", 1, true, "options to send with PROXY protocol v2", ServerOptions::proxyV2Options);
        add("redir", 1, true, "Enable redirection mode", c -> c.missing("'%s' expects <prefix> as argument.\n"));
        add("resolve-net", 1, true, "Set the preferred network range for name resolution",
                c -> c.missing("'%s' expects a list of networks."));
        add("resolve-opts", 1, true, "Set options for name resolution", ServerOptions::resolveOpts);
        add("resolve-prefer", 1, true, "Set the preferred family for name resolution", c -> {
            String v = c.value();
            return v.equals("ipv4") || v.equals("ipv6") ? ErrCode.NONE
                    : c.fail(String.format("'%s' expects either ipv4 or ipv6 as argument.", c.kw()));
        });
        add("resolvers", 1, true, "Configure the resolver to use for name resolution", c -> {
            c.server.resolvers(c.value());
            return ErrCode.NONE;
        });
        flag("send-proxy", true, "Enforce use of PROXY V1 protocol", null);
        flag("send-proxy-v2", true, "Enforce use of PROXY V2 protocol", null);
        add("slowstart", 1, true, "Set the warm-up timer for a previously failed server", ServerOptions::slowstart);
        add("source", -1, true, "Set the source address to be used to connect to the server", SourceOption::parseServerSource);
        flag("stick", true, "Enable stick-table persistence", null);
        flag("tfo", true, "enable TCP Fast Open", null);
        add("track", 1, true, "Set the current state of the server, tracking another one", c -> {
            if (c.value().isEmpty()) {
                return c.fail("'track' expects [<proxy>/]<server> as argument.\n");
            }
            c.server.track(c.value());
            return ErrCode.NONE;
        });
        add("socks4", 1, true, "Set the socks4 proxy of the server", SourceOption::parseSocks4);
        flag("usesrc", true, "safe-guard against usesrc without preceding <source> keyword",
                c -> c.fail(String.format("'%s' only allowed after a '%s' statement.", "usesrc", "source")));
        add("weight", 1, true, "Set the load-balancing weight", ServerOptions::weight);
        ServerCheckOptions.register(ServerOptions::add);
        ServerSslOptions.register(ServerOptions::add);
        add("tcp-ut", 1, true, "set TCP user timeout on server", ServerOptions::tcpUt);
    }

    private ServerOptions() {
    }

    static void add(String name, int skip, boolean defaultOk, String usage, ServerOption.Parser parser) {
        OPTIONS.put(name, new ServerOption(name, skip, defaultOk, usage, parser));
    }

    private static void flag(String name, boolean defaultOk, String usage, ServerOption.Parser parser) {
        add(name, 0, defaultOk, usage, parser != null ? parser : c -> ErrCode.NONE);
    }

    static ServerOption find(String name) {
        return OPTIONS.get(name);
    }

    static List<ServerOption> all() {
        return new ArrayList<>(OPTIONS.values());
    }

    static String bestMatch(String word) {
        List<String> candidates = new ArrayList<>(OPTIONS.keySet());
        candidates.addAll(EXTRA_WORDS);
        return DidYouMean.bestMatch(word, candidates);
    }

    static int choice(ServerOption.Call c, String format, String... allowed) {
        for (String a : allowed) {
            if (a.equals(c.value())) {
                return ErrCode.NONE;
            }
        }
        return c.fail(String.format(format, c.kw(), c.value()));
    }

    /** An integer that must be set and above zero (rise, fall, error-limit). */
    static int positive(ServerOption.Call c, String missing, String notPositive) {
        if (c.value().isEmpty()) {
            return c.fail(String.format(missing, c.kw()));
        }
        if (Atoi.atol(c.value()) <= 0) {
            return c.fail(String.format(notPositive, c.kw()));
        }
        return ErrCode.NONE;
    }

    private static int ws(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' expects 'auto', 'h1' or 'h2' value", c.kw()));
        }
        return choice(c, "'%s' has to be 'auto', 'h1' or 'h2'", "auto", "h1", "h2");
    }

    /** "id": a positive number, unique among the proxy's servers. */
    private static int id(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : expects an integer argument", c.kw()));
        }
        int id = Atoi.atol(c.value());
        if (id <= 0) {
            return c.fail(String.format("'%s' : custom id has to be > 0", c.kw()));
        }
        for (var other : c.proxy.servers()) {
            if (other != c.server && other.id() == id) {
                return c.fail(String.format("'%s' : custom id %d already used at %s:%d ('server %s')",
                        c.kw(), id, other.at().file(), other.at().line(), other.name()));
            }
        }
        c.server.id(id);
        return ErrCode.NONE;
    }

    private static int observe(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' expects <mode> as argument.\n", c.kw()));
        }
        return choice(c, "'%s' expects one of 'none', 'layer4', 'layer7' but got '%s'\n", "none", "layer4", "layer7");
    }

    private static int poolMaxConn(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' expects <value> as argument.\n", c.kw()));
        }
        if (Atoi.atol(c.value()) < -1) {
            return c.fail(String.format("'%s' must be >= -1", c.kw()));
        }
        return ErrCode.NONE;
    }

    private static int poolPurgeDelay(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' expects <value> as argument.\n", c.kw()));
        }
        TimeArg t = TimeArg.parseMs(c.value(), c.out::warning);
        return switch (t.kind()) {
            case OVERFLOW -> c.fail(String.format("timer overflow in argument '%s' to '%s' (maximum value is 2147483647 ms or ~24.8 days)", c.value(), c.kw()));
            case UNDERFLOW -> c.fail(String.format("timer underflow in argument '%s' to '%s' (minimum non-null value is 1 ms)", c.value(), c.kw()));
            case BAD_CHAR -> c.fail(String.format("unexpected character '%s' in argument to <%s>.\n", ServerCheckOptions.cChar(t.bad()), c.kw()));
            default -> ErrCode.NONE;
        };
    }

    private static int proto(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing value", c.kw()));
        }
        if (!MuxProtocols.isKnown(c.value(), MuxProtocols.Side.BACKEND)) {
            return c.fail(String.format("'%s' :  unknown MUX protocol '%s'", c.kw(), c.value()));
        }
        return ErrCode.NONE;
    }

    private static int proxyV2Options(ServerOption.Call c) {
        for (String p : c.value().split(",", -1)) {
            switch (p) {
                case "ssl", "cert-cn", "ssl-cipher", "cert-sig", "cert-key", "authority", "crc32c", "unique-id" -> { }
                default -> {
                    if (!c.value().isEmpty()) {
                        return c.fail(String.format("'%s' : proxy v2 option not implemented", p));
                    }
                }
            }
        }
        return ErrCode.NONE;
    }

    private static int resolveOpts(ServerOption.Call c) {
        for (String p : c.value().split(",", -1)) {
            if (p.isEmpty() && c.value().isEmpty()) {
                break;
            }
            switch (p) {
                case "allow-dup-ip", "ignore-weight", "prevent-dup-ip" -> { }
                default -> {
                    return c.fail(String.format("'%s' : unknown resolve-opts option '%s', supported methods are "
                            + "'allow-dup-ip', 'ignore-weight', and 'prevent-dup-ip'.", c.kw(), p));
                }
            }
        }
        return ErrCode.NONE;
    }

    private static int slowstart(ServerOption.Call c) {
        TimeArg t = TimeArg.parseMs(c.value(), c.out::warning);
        return switch (t.kind()) {
            case OVERFLOW -> c.fail(String.format("overflow in argument <%s> to <%s> of server %s, maximum value is 2147483647 ms (~24.8 days).",
                    c.value(), c.kw(), c.serverId()));
            case UNDERFLOW -> c.fail(String.format("underflow in argument <%s> to <%s> of server %s, minimum non-null value is 1 ms.",
                    c.value(), c.kw(), c.serverId()));
            case BAD_CHAR -> c.fail(String.format("unexpected character '%s' in 'slowstart' argument of server %s.",
                    ServerCheckOptions.cChar(t.bad()), c.serverId()));
            default -> ErrCode.NONE;
        };
    }

    private static int tcpUt(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing TCP User Timeout value", c.kw()));
        }
        TimeArg t = TimeArg.parseMs(c.value(), c.out::warning);
        return switch (t.kind()) {
            case OVERFLOW -> c.fail(String.format("timer overflow in argument '%s' to '%s' (maximum value is 2147483647 ms or ~24.8 days)", c.value(), c.kw()));
            case UNDERFLOW -> c.fail(String.format("timer underflow in argument '%s' to '%s' (minimum non-null value is 1 ms)", c.value(), c.kw()));
            case BAD_CHAR -> c.fail(String.format("'%s' : expects a positive delay in milliseconds", c.kw()));
            default -> ErrCode.NONE;
        };
    }

    /** "weight": 0 to 256 (SRV_UWGHT_MAX). */
    private static int weight(ServerOption.Call c) {
        int w = Atoi.atol(c.value());
        if (w < 0 || w > 256) {
            return c.fail(String.format("weight of server %s is not within 0 and %d (%d).", c.serverId(), 256, w));
        }
        return ErrCode.NONE;
    }
}
