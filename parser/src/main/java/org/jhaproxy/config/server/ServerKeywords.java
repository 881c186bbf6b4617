package org.jhaproxy.config.server;

import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.ProxyBuilder;

/** The proxy keywords about listening and servers: bind, server, default-server, server-template... */
public final class ServerKeywords {
    private ServerKeywords() {
    }

    public static void register(KeywordTable<ProxyBuilder> table) {
        table.add("bind", "bind <addr>[,<addr>...] [param*] : listening addresses of a frontend", BindLine::parse);
        table.add("server", "server <name> <addr>[:<port>] [param*] : a server of a backend",
                (ctx, line, px) -> ServerLine.parse(ctx, line, px, ServerLine.Kind.SERVER));
        table.add("default-server", "default-server [param*] : default settings of the next servers",
                (ctx, line, px) -> ServerLine.parse(ctx, line, px, ServerLine.Kind.DEFAULT_SERVER));
        table.add("server-template", "server-template <prefix> <num | range> <fqdn>[:<port>] [params*] : a set of servers",
                (ctx, line, px) -> ServerLine.parse(ctx, line, px, ServerLine.Kind.TEMPLATE));
        table.add("source", "source <addr>[:<port>] [usesrc ...] [interface <name>] : outgoing source address",
                ProxySourceKeywords::source);
        table.add("dispatch", "dispatch <addr>:<port> : the only server address, for a backend without servers",
                ProxySourceKeywords::dispatch);
        table.add("usesrc", "usesrc ... : only after \"source\"", ProxySourceKeywords::usesrc);
    }

    /** The "bind" options with the number of words each takes, in registration order (for -dK and docs). */
    public static java.util.Map<String, Integer> bindOptions() {
        java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (BindOption o : BindOptions.all()) {
            m.put(o.name(), o.skip());
        }
        return m;
    }

    /** The server options with the number of words each takes (-1: variable), in registration order. */
    public static java.util.Map<String, Integer> serverOptions() {
        java.util.Map<String, Integer> m = new java.util.LinkedHashMap<>();
        for (ServerOption o : ServerOptions.all()) {
            m.put(o.name(), o.skip());
        }
        return m;
    }

    /** Whether {@code word} is a server option, and the one it is closest to when not (did you mean). */
    public static boolean isServerOption(String word) {
        return ServerOptions.find(word) != null;
    }

    public static String serverOptionBestMatch(String word) {
        return ServerOptions.bestMatch(word);
    }
}
