package org.jhaproxy.runtime.sample;

import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.queue.DynamicMaxconn;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;

/**
 * The frontend and backend states of configuration.txt 7.3.2 (frontend.c, backend.c): a proxy
 * named in the argument, or the proxy the rule belongs to when there is none; the counters and
 * rates are the ones "show stat" prints.
 */
final class ProxyFetches {
    private ProxyFetches() {
    }

    static void register(Map<String, Fetches.Factory> m) {
        m.put("fe_conn", named(p -> p.feconn().get()));
        m.put("fe_sess_rate", named(p -> p.frontendCounters().sessPerSec.read()));
        m.put("fe_req_rate", named(p -> p.frontendCounters().reqPerSec.read()));
        m.put("be_conn", named(p -> p.beconn().get()));
        m.put("be_sess_rate", named(p -> p.backendCounters().sessPerSec.read()));
        m.put("be_conn_free", named(ProxyFetches::freeSlots));
        m.put("queue", named(ProxyFetches::queued));
        m.put("avg_queue", named(p -> {
            long usable = usableServers(p);
            return usable > 0 ? (queued(p) + usable - 1) / usable : queued(p) * 2;
        }));
        m.put("connslots", named(ProxyFetches::connslots));
        m.put("nbsrv", named(ProxyFetches::usableServers));
        m.put("fe_id", (a, s) -> {
            Proxies all = s.proxies();
            return c -> Sample.sint(all.uuid(c.frontend()));
        });
        m.put("be_id", (a, s) -> {
            Proxies all = s.proxies();
            return c -> c.hasStream() ? Sample.sint(all.uuid(c.backend())) : null;
        });
        m.put("fe_defbe", (a, s) -> c -> {
            String name = c.frontend().config().defaultBackend();
            return name == null ? null : Sample.str(name);
        });
        m.put("fe_client_timeout", (a, s) -> c -> Sample.sint(c.frontend().timeouts().client()));
        m.put("be_server_timeout", (a, s) -> c -> c.hasStream() ? Sample.sint(c.backend().timeouts().server()) : null);
        m.put("be_tunnel_timeout", (a, s) -> c -> c.hasStream() ? Sample.sint(c.backend().timeouts().tunnel()) : null);
        // the stream's own timeouts are the backend's once its server connection is established
        // (back_establish()), none before: no "set-timeout" action exists to change them
        m.put("cur_server_timeout", (a, s) -> c -> !c.hasStream() ? null : Sample.sint(currentServerTimeout(c)));
        m.put("cur_tunnel_timeout", (a, s) -> c -> !c.hasStream() ? null : Sample.sint(established(c) ? c.backend().timeouts().tunnel() : 0));
    }

    /**
     * The stream's server-side read timeout: none before its server connection, then the
     * backend's "timeout server", and the tunnel timeout once a TCP stream forwards with no
     * analyser left (process_stream()).
     */
    private static long currentServerTimeout(SampleContext c) {
        if (!established(c)) {
            return 0;
        }
        Proxy.Timeouts t = c.backend().timeouts();
        return !c.frontend().isHttp() && t.tunnel() > 0 ? t.tunnel() : t.server();
    }

    private static boolean established(SampleContext c) {
        return c.serverConnection() != null;
    }

    /** fe_conn([frontend]) and the like: the named proxy, else the one the rule is written in. */
    private static Fetches.Factory named(ToLongFunction<Proxy> value) {
        return (a, s) -> {
            Proxy p = proxy(a, s);
            return c -> Sample.sint(value.applyAsLong(p));
        };
    }

    private static Proxy proxy(List<SampleArg> a, CompileScope s) {
        String name = a.isEmpty() ? "" : a.get(0).text();
        if (name.isEmpty()) {
            return s.proxy();
        }
        for (Proxy p : s.proxies().all()) {
            if (p.name().equals(name) && (p.config().isFrontend() || p.config().isBackend())) {
                return p;
            }
        }
        return s.proxy();
    }

    /**
     * be_usable_srv(): the usable active servers, else 1 when only the first backup is used,
     * else the usable backup servers ("option allbackups").
     */
    static long usableServers(Proxy be) {
        if (be.balancer() == null) {
            return 0;
        }
        int active = be.balancer().activeServers();
        int backup = be.balancer().backupServers();
        if (active > 0) {
            return active;
        }
        return backup > 0 && !be.config().option("allbackups") ? 1 : backup;
    }

    /** totpend: the streams waiting in the backend's queue and in its servers'. */
    private static long queued(Proxy be) {
        if (!be.config().isBackend()) {
            return 0;
        }
        long n = be.balancer().queue().length();
        for (Server srv : be.servers()) {
            n += srv.queue().length();
        }
        return n;
    }

    /** What each running server may still take (maxconn and maxqueue), -1 if one has no limit. */
    private static long connslots(Proxy be) {
        long n = 0;
        for (Server srv : be.servers()) {
            if (srv.state() == ServerState.STOPPED) {
                continue;
            }
            if (srv.maxconn() == 0 || srv.maxqueue() == 0) {
                return -1;
            }
            n += (srv.maxconn() - srv.currentConns()) + (srv.maxqueue() - srv.queue().length());
        }
        return n;
    }

    /**
     * The slots free on the servers the balancer would use (the usable active ones, else the
     * first usable backup or all of them with "option allbackups"); -1 if one has no maxconn.
     */
    private static long freeSlots(Proxy be) {
        if (be.balancer() == null) {
            return 0; // a frontend has no servers: none free
        }
        long n = 0;
        boolean active = be.balancer().activeServers() > 0;
        boolean allBackups = be.config().option("allbackups");
        Server firstBackup = null;
        for (Server srv : be.servers()) {
            if (srv.isBackup() && srv.isUsable()) {
                firstBackup = srv;
                break;
            }
        }
        for (Server srv : be.servers()) {
            if (srv.state() == ServerState.STOPPED || !srv.isUsable()) {
                continue;
            }
            if (srv.isBackup() && (active || (srv != firstBackup && !allBackups))) {
                continue;
            }
            if (srv.maxconn() == 0) {
                return -1;
            }
            long max = DynamicMaxconn.of(srv);
            n += Math.max(0, max - srv.currentConns());
        }
        return n;
    }
}
