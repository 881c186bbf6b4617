package org.jhaproxy.runtime.sample;

import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.queue.DynamicMaxconn;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;

/**
 * The server states of configuration.txt 7.3.2 (backend.c): a server named "backend/server",
 * or "server" of the proxy the rule belongs to; srv_id and srv_name name the stream's server
 * once it has one.
 */
final class ServerFetches {
    private ServerFetches() {
    }

    static void register(Map<String, Fetches.Factory> m) {
        m.put("srv_conn", named(Server::currentConns));
        m.put("srv_conn_free", named(s -> {
            if (s.maxconn() == 0) {
                return -1;
            }
            return Math.max(0, DynamicMaxconn.of(s) - s.currentConns());
        }));
        m.put("srv_queue", named(s -> s.queue().length()));
        m.put("srv_sess_rate", named(s -> s.counters().sessPerSec.read()));
        // the effective weight in the user's units, rounded up (as the stats' "weight")
        m.put("srv_weight", named(s -> (s.eweight() + Server.EWEIGHT_SCALE - 1) / Server.EWEIGHT_SCALE));
        m.put("srv_iweight", named(Server::initialWeight));
        m.put("srv_uweight", named(Server::weight));
        m.put("srv_is_up", (a, sc) -> {
            Server srv = server(a, sc);
            return c -> Sample.bool(!srv.inMaintenance() && srv.state() != ServerState.STOPPED);
        });
        m.put("srv_id", (a, sc) -> c -> c.server() == null ? null : Sample.sint(c.server().puid()));
        m.put("srv_name", (a, sc) -> c -> c.server() == null ? null : Sample.str(c.server().name()));
    }

    private static Fetches.Factory named(ToLongFunction<Server> value) {
        return (a, sc) -> {
            Server srv = server(a, sc);
            return c -> Sample.sint(value.applyAsLong(srv));
        };
    }

    /** "backend/server" or "server" in the rule's proxy (the parser checked it exists). */
    private static Server server(List<SampleArg> a, CompileScope sc) throws NotSupported {
        String text = a.get(0).text();
        int slash = text.lastIndexOf('/');
        Proxy be = slash < 0 ? sc.proxy() : sc.proxies().backend(text.substring(0, slash));
        Server srv = be == null ? null : be.server(text.substring(slash + 1));
        if (srv == null) {
            throw new NotSupported("unable to find server '" + text + "'.");
        }
        return srv;
    }
}
