package org.jhaproxy.runtime.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ServerConfig;
import org.jhaproxy.config.server.ServerKeywords;
import org.jhaproxy.runtime.lb.LbAlgorithms;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * "add server" and "del server", HAProxy 2.6's dynamic servers (management guide 9.3): a server
 * added to a backend whose balancing allows weight changes, in maintenance until enabled; a
 * server removed once in maintenance and without any connection. The answers are haproxy's:
 * its parser's messages each end with a newline and the answer with one more.
 */
final class DynamicServers {
    /** The options haproxy refuses on "add server" (their keyword's dynamic flag is off). */
    private static final Set<String> NOT_DYNAMIC = Set.of("no-check-ssl", "no-send-proxy-v2-ssl",
            "no-send-proxy-v2-ssl-cn", "no-ssl", "ssl-reuse", "tcp-ut", "no-agent-check", "no-check",
            "no-check-send-proxy", "cookie", "init-addr", "log-proto", "max-reuse", "namespace", "non-stick",
            "redir", "resolve-net", "resolve-opts", "resolve-prefer", "resolvers", "stick", "socks4");
    /** The options of a dynamic server jhaproxy executes, with the words each takes. */
    private static final Map<String, Integer> EXECUTED = Map.of("weight", 1, "maxconn", 1, "maxqueue", 1,
            "minconn", 1, "id", 1, "backup", 0, "no-backup", 0, "disabled", 0, "enabled", 0);
    /** _srv_parse_init()'s address options for a dynamic server. */
    private static final int ADDRESS_OPTIONS = AddressParser.PORT_OK | AddressParser.PORT_OFS
            | AddressParser.STREAM | AddressParser.XPRT | AddressParser.CONNECT;

    private DynamicServers() {
    }

    static List<CliCommand> all() {
        return List.of(CliCommand.of("add server", DynamicServers::add),
                CliCommand.of("del server", DynamicServers::delete));
    }

    /** The answer for a parser message (usermsgs then cli_err/cli_msg): the message and an empty line. */
    private static String message(String text) {
        return text + "\n\n";
    }

    private static String add(CliRequest r) {
        if (!r.requires(CliLevel.ADMIN)) {
            return CliRequest.PERMISSION_DENIED;
        }
        r.endsAnswer();
        String[] names = split(r.arg(2));
        if (names == null) {
            return "Require 'backend/server'.\n";
        }
        Proxy be = backend(r, names[0]);
        if (be == null) {
            return "No such backend.\n";
        }
        if (!LbAlgorithms.dynamicWeights(be.config())) {
            return "Backend must use a dynamic load balancing to support dynamic servers.\n";
        }
        String name = names[1];
        if (r.arg(3).isEmpty()) {
            return message("'server' expects <name> and <addr>[:<port>] as arguments.");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == ':')) {
                return message("character '" + c + "' is not permitted in server name '" + name + "'.");
            }
        }
        AddressParseResult addr = AddressParser.system(System::getenv).parse(r.arg(3), ADDRESS_OPTIONS, null, true);
        if (!addr.ok()) {
            return message(addr.error());
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int cur = 4; !r.arg(cur).isEmpty(); ) {
            String kw = r.arg(cur);
            Integer words = EXECUTED.get(kw);
            if (words == null) {
                return message(refusal(kw));
            }
            String value = words == 1 ? r.arg(cur + 1) : "";
            String err = check(be, name, kw, value);
            if (err != null) {
                return message(err);
            }
            options.put(kw, value);
            cur += 1 + words;
        }
        if (be.server(name) != null) {
            return message("Already exists a server with the same name in backend.");
        }
        boolean backup = options.containsKey("backup") && !options.containsKey("no-backup");
        options.remove("backup");
        options.remove("no-backup");
        boolean disabled = options.remove("disabled") != null && options.remove("enabled") == null;
        options.remove("enabled");
        // srv_parse_weight/maxconn...: atol(), an empty word is 0
        options.replaceAll((k, v) -> String.valueOf(atol(v)));
        // its "id" if given (shown as forced in "show servers state"), else the first free one
        int forced = options.containsKey("id") ? atol(options.remove("id")) : 0;
        // a dynamic server takes no default-server settings: no idle connection pool (src_ilim 0)
        options.put("pool-max-conn", "0");
        // srv->conf.file of a dynamic server is NULL: "(null):0" where a later "id" clash names it
        ServerConfig config = new ServerConfig(name, new Position("(null)", 0), forced, addr.address(), r.arg(3),
                options, backup, disabled, false);
        be.balancer().add(Server.dynamic(config, be, forced != 0 ? forced : be.nextServerId()));
        return message("New server registered.");
    }

    /** What a server option jhaproxy does not take on "add server" gets. */
    private static String refusal(String kw) {
        if (NOT_DYNAMIC.contains(kw)) {
            return "'" + kw + "' option is not accepted for dynamic server";
        }
        if (ServerKeywords.isServerOption(kw)) {
            return "'" + kw + "' option is not supported by jhaproxy yet for dynamic server";
        }
        String best = ServerKeywords.serverOptionBestMatch(kw);
        return best != null ? "unknown keyword '" + kw + "'; did you mean '" + best + "' maybe ?"
                : "unknown keyword '" + kw + "'.";
    }

    /** The options' own checks (srv_parse_weight(), srv_parse_id()), display_parser_err()'s final dot. */
    private static String check(Proxy be, String name, String kw, String value) {
        switch (kw) {
            case "weight" -> {
                int w = atol(value);
                if (w < 0 || w > 256) {
                    return "weight of server " + name + " is not within 0 and 256 (" + w + ")..";
                }
            }
            case "id" -> {
                if (value.isEmpty()) {
                    return "'id' : expects an integer argument.";
                }
                int id = atol(value);
                if (id <= 0) {
                    return "'id' : custom id has to be > 0.";
                }
                for (Server s : be.servers()) {
                    if (s.puid() == id) {
                        Position at = s.config().at();
                        return "'id' : custom id " + id + " already used at " + at.file() + ":" + at.line()
                                + " ('server " + s.name() + "').";
                    }
                }
            }
            default -> {
            }
        }
        return null;
    }

    private static String delete(CliRequest r) {
        if (!r.requires(CliLevel.ADMIN)) {
            return CliRequest.PERMISSION_DENIED;
        }
        r.endsAnswer();
        String[] names = split(r.arg(2));
        if (names == null) {
            return "Require 'backend/server'.\n";
        }
        ServerLookup l = ServerLookup.of(r, names[0] + "/" + names[1]);
        if (l.error() != null) {
            return l.error();
        }
        Server s = l.server();
        if (!s.inMaintenance()) {
            return "Only servers in maintenance mode can be deleted.\n";
        }
        if (!s.backend().balancer().remove(s)) {
            return "Server still has connections attached to it, cannot remove it.\n";
        }
        s.check().enabled(false);
        s.agent().enabled(false);
        return "Server deleted.\n";
    }

    /** The "backend/server" word split at its first '/' after the first character; null without a server name. */
    private static String[] split(String arg) {
        int slash = arg.indexOf('/', 1);
        if (arg.isEmpty() || slash < 0 || slash == arg.length() - 1) {
            return null;
        }
        return new String[] {arg.substring(0, slash), arg.substring(slash + 1)};
    }

    private static Proxy backend(CliRequest r, String name) {
        return r.engine().proxies().all().stream()
                .filter(p -> p.config().isBackend() && p.name().equals(name))
                .findFirst().orElse(null);
    }

    /** atol(): the leading digits (with a sign), 0 when none. */
    private static int atol(String v) {
        int i = 0;
        if (i < v.length() && (v.charAt(i) == '-' || v.charAt(i) == '+')) {
            i++;
        }
        int start = i;
        while (i < v.length() && Character.isDigit(v.charAt(i))) {
            i++;
        }
        if (i == start) {
            return 0;
        }
        try {
            return Integer.parseInt(v.substring(0, i));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
