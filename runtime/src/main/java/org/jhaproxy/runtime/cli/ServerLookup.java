package org.jhaproxy.runtime.cli;

import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * "&lt;backend&gt;/&lt;server&gt;" as the CLI's server commands take it (get_backend_server()):
 * the server by name or by "#id", with haproxy's answers when either is missing.
 */
record ServerLookup(Server server, String error) {
    /**
     * cli_find_server(), for the commands that change a server: the backend name may not be
     * empty, and a stopped backend's servers cannot be changed.
     */
    static ServerLookup toChange(CliRequest r, String arg) {
        if (arg.startsWith("/")) {
            return new ServerLookup(null, "Require 'backend/server'.\n");
        }
        ServerLookup l = of(r, arg);
        if (l.server() != null && l.server().backend().state() == org.jhaproxy.runtime.proxy.ProxyState.STOPPED) {
            return new ServerLookup(null, "Proxy is disabled.\n");
        }
        return l;
    }

    /** get_backend_server(): the server by name or "#id". */
    static ServerLookup of(CliRequest r, String arg) {
        int slash = arg.indexOf('/');
        if (slash < 0 || slash == arg.length() - 1) {
            return new ServerLookup(null, "Require 'backend/server'.\n");
        }
        Proxy be = r.engine().proxies().all().stream()
                .filter(p -> p.config().isBackend() && p.name().equals(arg.substring(0, slash)))
                .findFirst().orElse(null);
        if (be == null) {
            return new ServerLookup(null, "No such backend.\n");
        }
        String name = arg.substring(slash + 1);
        for (Server s : be.servers()) {
            if (name.startsWith("#") ? String.valueOf(s.puid()).equals(name.substring(1)) : s.name().equals(name)) {
                return new ServerLookup(s, null);
            }
        }
        return new ServerLookup(null, "No such server.\n");
    }
}
