package org.jhaproxy.runtime.proxy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.model.ProxyMode;
import org.jhaproxy.config.model.TimeoutKind;
import org.jhaproxy.runtime.http.HttpSettings;
import org.jhaproxy.runtime.lb.LbAlgorithm;
import org.jhaproxy.runtime.lb.LbAlgorithms;
import org.jhaproxy.runtime.lb.Balancer;
import org.jhaproxy.runtime.server.Server;

/**
 * A running proxy (frontend, backend or both, as a listen section): its frozen configuration,
 * its state, its servers and balancer, and the counters of its current connections. Settings
 * are resolved once here, never per request.
 */
public final class Proxy {
    private final ProxyConfig config;
    /** Copy-on-write: "add server" and "del server" change it while streams and the CLI walk it. */
    private final List<Server> servers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Balancer balancer;
    private final AtomicInteger feconn = new AtomicInteger();
    private final AtomicInteger beconn = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong cumulatedFe = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong cumulatedBe = new java.util.concurrent.atomic.AtomicLong();
    private final Timeouts timeouts;
    private final int retries;
    private final boolean redispatch;
    private final int redispatchInterval;
    private final HttpSettings http;
    private final org.jhaproxy.runtime.persist.PersistSettings persist;
    private final org.jhaproxy.runtime.http.MonitorUri monitorUri;
    private final FrontendCounters feCounters = new FrontendCounters();
    private final BackendCounters beCounters = new BackendCounters();
    /** When the backend last lost or regained its servers (last_change, seconds); its start at first. */
    private volatile long lastChange = System.currentTimeMillis() / 1000;
    /** Seconds spent with no usable server before the last change (down_time). */
    private volatile long downTime;
    /** Times the backend lost its last server (down_trans). */
    private final java.util.concurrent.atomic.AtomicLong downTrans = new java.util.concurrent.atomic.AtomicLong();
    private volatile ProxyState state = ProxyState.READY;
    private org.jhaproxy.runtime.log.ProxyLog log;
    private Proxy defaultBackend;
    private org.jhaproxy.runtime.action.ProxyRuleSets rules = org.jhaproxy.runtime.action.ProxyRuleSets.none();

    public Proxy(ProxyConfig config) {
        this(config, java.util.Map.of());
    }

    /** A proxy whose "errorfiles" lines name the http-errors sections in {@code httpErrors}. */
    public Proxy(ProxyConfig config, java.util.Map<String, java.util.Map<Integer, String>> httpErrors) {
        this.config = config;
        int[] puids = puids(config);
        for (int i = 0; i < puids.length; i++) {
            servers.add(new Server(config.servers().get(i), this, puids[i]));
        }
        if (config.isBackend()) {
            this.balancer = new Balancer(servers, config.option("allbackups"),
                    groups -> LbAlgorithms.create(config, servers, groups));
        } else {
            this.balancer = null;
        }
        this.timeouts = new Timeouts(config);
        this.retries = (int) config.number("retries", 3);
        this.redispatch = config.option("redispatch");
        org.jhaproxy.config.source.Line rd = config.last("option", "redispatch");
        // "option redispatch [interval]": -1 (the last retry) unless an interval is given
        this.redispatchInterval = rd == null || rd.arg(2).isEmpty() ? -1
                : (int) org.jhaproxy.config.model.ProxyConfig.atol(rd.arg(2));
        this.http = HttpSettings.of(config, httpErrors);
        this.persist = org.jhaproxy.runtime.persist.PersistSettings.of(config);
        this.monitorUri = org.jhaproxy.runtime.http.MonitorUri.of(config);
        this.stats = org.jhaproxy.runtime.stats.StatsSettings.of(config);
    }

    /**
     * Server ids as haproxy numbers them: the "id" given, else the first id not taken from a
     * counter that moves past every server in declaration order, numbered or not.
     */
    private static int[] puids(ProxyConfig config) {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        config.servers().forEach(s -> used.add(s.id()));
        int[] ids = new int[config.servers().size()];
        int next = 1;
        for (int i = 0; i < ids.length; i++) {
            int id = config.servers().get(i).id();
            if (id == 0) {
                while (used.contains(next)) {
                    next++;
                }
                id = next;
                used.add(id);
            }
            ids[i] = id;
            next++;
        }
        return ids;
    }

    /** Links the frontend to its default backend once every proxy exists. */
    void defaultBackend(Proxy backend) {
        this.defaultBackend = backend;
    }

    /** Its compiled rules (ACLs, tcp/http rules, use_backend), set once at start-up. */
    public org.jhaproxy.runtime.action.ProxyRuleSets rules() {
        return rules;
    }

    public void rules(org.jhaproxy.runtime.action.ProxyRuleSets r) {
        this.rules = r;
    }

    /** What this proxy logs and where, set once at start-up. */
    public org.jhaproxy.runtime.log.ProxyLog log() {
        return log;
    }

    public void log(org.jhaproxy.runtime.log.ProxyLog l) {
        this.log = l;
    }

    public String name() {
        return config.name();
    }

    public ProxyConfig config() {
        return config;
    }

    public boolean isHttp() {
        return config.mode() == ProxyMode.HTTP;
    }

    public ProxyState state() {
        return state;
    }

    public void state(ProxyState s) {
        this.state = s;
    }

    /** The backend a stream goes to when no switching rule matched: itself for a listen section. */
    public Proxy defaultBackend() {
        if (defaultBackend != null) {
            return defaultBackend;
        }
        return config.isBackend() ? this : null;
    }

    private volatile org.jhaproxy.runtime.stream.Streams streams;

    /** The process's live streams, which the state changes of this proxy's servers may end. */
    public org.jhaproxy.runtime.stream.Streams streams() {
        return streams;
    }

    public void streams(org.jhaproxy.runtime.stream.Streams s) {
        this.streams = s;
    }

    public List<Server> servers() {
        return servers;
    }

    /**
     * get_next_id(): the id an "add server" without "id" gets, the smallest one no server of
     * this backend uses.
     */
    public int nextServerId() {
        java.util.Set<Integer> used = new java.util.HashSet<>();
        servers.forEach(s -> used.add(s.puid()));
        int id = 1;
        while (used.contains(id)) {
            id++;
        }
        return id;
    }

    public Server server(String name) {
        for (Server s : servers) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    public LbAlgorithm lb() {
        return balancer == null ? null : balancer.algorithm();
    }

    /** The backend's balancer: server assignment and queues; null for a frontend. */
    public Balancer balancer() {
        return balancer;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    public int retries() {
        return retries;
    }

    public boolean redispatch() {
        return redispatch && redispatchInterval != 0;
    }

    /** Redispatch every this many retries; negative counts back from the last retry. */
    public int redispatchInterval() {
        return redispatchInterval;
    }

    /** The HTTP settings (connection mode, forwardfor, error replies), resolved at load. */
    /** Its cookie persistence, cookie capture, "option persist" and "http-send-name-header". */
    public org.jhaproxy.runtime.persist.PersistSettings persist() {
        return persist;
    }

    /** Its "monitor-uri", or null. */
    public org.jhaproxy.runtime.http.MonitorUri monitorUri() {
        return monitorUri;
    }

    public HttpSettings http() {
        return http;
    }

    /**
     * A connection was accepted by this frontend, before any rule (listener_accept(): cum_conn,
     * conn_rate and conn_max, the connection counted in feconn already; session_new(): the
     * process's totalconn): one that "tcp-request connection" rejects counts here too.
     */
    public void frontendAccepted() {
        cumulatedFe.incrementAndGet();
        feCounters.connection();
        feCounters.connMax.seen(feconn.get());
    }

    /** The accepted connection became a session (cum_sess, sess rate). */
    public void frontendConnection() {
        feCounters.session(feconn.get());
    }

    /** A stream was assigned to this backend (cum_lbconn / cum_sess, beconn). */
    public void backendConnection() {
        cumulatedBe.incrementAndGet();
        beCounters.session(beconn.incrementAndGet());
    }

    /** A stream assigned to this backend ended (beconn). */
    public void backendReleased() {
        beconn.decrementAndGet();
    }

    /** The last invalid request this frontend refused and the last invalid response this backend got. */
    private final java.util.concurrent.atomic.AtomicReference<ErrorSnapshot> invalidRequest =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicReference<ErrorSnapshot> invalidResponse =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** proxy_capture_error(): the snapshot replaces the previous one of its direction. */
    public void captureError(boolean response, ErrorSnapshot s) {
        (response ? invalidResponse : invalidRequest).set(s);
    }

    /** The last invalid request captured on this frontend, else null. */
    public ErrorSnapshot invalidRequest() {
        return invalidRequest.get();
    }

    /** The last invalid response captured on this backend, else null. */
    public ErrorSnapshot invalidResponse() {
        return invalidResponse.get();
    }

    /** The frontend side's counters (fe_counters). */
    public FrontendCounters frontendCounters() {
        return feCounters;
    }

    /** The backend side's counters (be_counters). */
    public BackendCounters backendCounters() {
        return beCounters;
    }

    private volatile int maxconn;
    private final org.jhaproxy.runtime.stats.StatsSettings stats;

    /** Its "stats" settings (the stats page it serves), null without any "stats" line. */
    public org.jhaproxy.runtime.stats.StatsSettings stats() {
        return stats;
    }

    /** The frontend's effective maxconn (its own, else the process's), as its listeners apply it. */
    public void maxconn(int n) {
        this.maxconn = n;
    }

    public int maxconn() {
        return maxconn;
    }

    private volatile int fullconn;

    /** The backend's "fullconn", explicit or computed at start (DynamicMaxconn.fullconn()); 0 before. */
    public int fullconn() {
        return fullconn;
    }

    public void fullconn(int n) {
        this.fullconn = n;
    }

    /** When its state last changed (ms since the epoch, whole seconds): its start until states change. */
    public long lastChange() {
        return lastChange * 1000;
    }

    /** set_backend_down(): its last usable server is gone. */
    public void wentDown() {
        lastChange = System.currentTimeMillis() / 1000;
        downTrans.incrementAndGet();
    }

    /**
     * A server becomes usable while none was: the time down is added up (srv_update_status());
     * {@code counted} false only moves the change time, as leaving maintenance does.
     */
    public void cameBack(boolean counted) {
        long now = System.currentTimeMillis() / 1000;
        if (counted && lastChange < now) {
            downTime += now - lastChange;
        }
        lastChange = now;
    }

    /** be_downtime(): seconds without usable servers, an ongoing stop included ({@code up}: it has weight). */
    public long downtime(boolean up) {
        long now = System.currentTimeMillis() / 1000;
        if (up && lastChange < now) {
            return downTime;
        }
        return now - lastChange + downTime;
    }

    /** down_trans: times the backend lost its last server. */
    public long downTransitions() {
        return downTrans.get();
    }

    public long cumulatedFrontendConns() {
        return cumulatedFe.get();
    }

    public long cumulatedBackendConns() {
        return cumulatedBe.get();
    }

    public AtomicInteger feconn() {
        return feconn;
    }

    public AtomicInteger beconn() {
        return beconn;
    }

    /** The effective timeouts in milliseconds, 0 meaning none (TICK_ETERNITY). */
    public record Timeouts(long client, long server, long connect, long queue, long tunnel, long httpRequest,
                           long httpKeepAlive, long clientFin, long serverFin, long tarpit) {
        Timeouts(ProxyConfig c) {
            this(c.timeout(TimeoutKind.CLIENT), c.timeout(TimeoutKind.SERVER), c.timeout(TimeoutKind.CONNECT),
                    c.timeout(TimeoutKind.QUEUE), c.timeout(TimeoutKind.TUNNEL), c.timeout(TimeoutKind.HTTP_REQUEST),
                    c.timeout(TimeoutKind.HTTP_KEEP_ALIVE), c.timeout(TimeoutKind.CLIENT_FIN),
                    c.timeout(TimeoutKind.SERVER_FIN), c.timeout(TimeoutKind.TARPIT));
        }
    }
}
