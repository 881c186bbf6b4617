package org.jhaproxy.runtime.server;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.jhaproxy.config.model.ServerConfig;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.queue.Queue;

/**
 * A running server of a backend: its frozen configuration, the address it connects to, and
 * its live state (weight, current connections) which the balancer and the stats read.
 */
public final class Server {
    private final ServerConfig config;
    private final Proxy backend;
    /** Changed in place by the DNS resolution of its name ("resolvers"); null while it has no IP. */
    private volatile InetSocketAddress address;
    /**
     * The service port (svc_port, an unsigned 16-bit number): where it connects, or the offset
     * added to the client's destination port while it maps ports (SRV_F_MAPPORTS: no port or
     * "+N"/"-N" in its address). "set server ... addr ... port" changes both.
     */
    private volatile int port;
    private volatile boolean mapPorts;
    /**
     * The name it resolves (srv->hostname): the configured one, or for a server filled by a DNS
     * SRV record the target of its record, null while it has none.
     */
    private volatile String hostname;
    private volatile int maxconn;
    /** "minconn": below maxconn, the limit grows with the backend's load (DynamicMaxconn). */
    private volatile int minconn;
    private final int maxqueue;
    private final int puid;
    private final AtomicInteger currentConns = new AtomicInteger();
    private final AtomicInteger totalConns = new AtomicInteger();
    /** The health and agent checks' connections open now. */
    private final AtomicInteger checkConns = new AtomicInteger();
    /**
     * est_need_conns: the most connections to this server in use at once, the checks' included;
     * not a counter "clear counters" resets.
     */
    private final org.jhaproxy.runtime.proxy.MaxGauge neededConns = new org.jhaproxy.runtime.proxy.MaxGauge();
    private final IdleConnections idle;
    private final Queue queue = new Queue();
    private final int initialWeight;
    private volatile ServerState state;
    private volatile int admin;
    private volatile int weight;
    private final org.jhaproxy.runtime.proxy.BackendCounters counters = new org.jhaproxy.runtime.proxy.BackendCounters();
    /** "slowstart" in whole seconds, as haproxy keeps it; 0 for none. */
    private final int slowstart;
    /** When the operational state last changed, in seconds (last_change). */
    private volatile long lastChange = nowSeconds();
    /** Seconds spent STOPPED before the last change (down_time). */
    private volatile long downTime;
    /** The weight the balancer uses (next_eweight): weight * 16, less while warming up. */
    private volatile int eweight;
    private final CheckView check;
    private final CheckView agent;
    private volatile Observation observation = Observation.NONE;
    private volatile org.jhaproxy.runtime.ssl.ServerSsl ssl;
    /** "source": the local address its connections bind, null when the kernel chooses. */
    private final org.jhaproxy.runtime.stream.ConnectSource source;
    /** "socks4": the SOCKS4 proxy its connections go through, null without. */
    private final InetSocketAddress socks4;

    public Server(ServerConfig config, Proxy backend, int puid) {
        this.config = config;
        this.backend = backend;
        this.source = org.jhaproxy.runtime.stream.ConnectSource.of(config, backend.config().last("source"));
        this.socks4 = org.jhaproxy.runtime.proxyprotocol.Socks4Handshake.proxy(config);
        String host = config.address() == null ? null
                : config.address().host() != null ? config.address().host() : config.address().fqdn();
        int port = config.address() == null ? 0 : config.address().port() & 0xFFFF;
        this.port = port;
        String fqdn = config.address() == null ? null : config.address().fqdn();
        this.hostname = fqdn == null || fqdn.startsWith("_") ? null : fqdn;
        this.mapPorts = config.address() != null && (config.address().noPort() || config.address().isOffset());
        InetSocketAddress a = host == null ? null : new InetSocketAddress(host, port);
        // a name left unresolved at start ("init-addr none") has no IP until its resolvers find one
        this.address = a == null || !a.isUnresolved() ? a : initAddr(config.option("init-addr", ""), port);
        this.maxconn = config.number("maxconn", 0);
        this.minconn = config.number("minconn", 0);
        // check_config_validity(): a minconn above maxconn (or alone) is the limit; no minconn is maxconn
        if (minconn > maxconn) {
            maxconn = minconn;
        } else if (maxconn > 0 && minconn == 0) {
            minconn = maxconn;
        }
        this.maxqueue = config.number("maxqueue", 0);
        this.puid = puid;
        this.initialWeight = config.number("weight", 1);
        this.weight = initialWeight;
        this.eweight = weight * EWEIGHT_SCALE;
        String ss = config.option("slowstart", null);
        Long ssMs = ss == null ? null : org.jhaproxy.config.sample.Units.parseTime(ss);
        this.slowstart = ssMs == null ? 0 : (int) ((ssMs + 999) / 1000);
        this.state = config.disabled() ? ServerState.STOPPED : ServerState.RUNNING;
        // "disabled": in maintenance by the configuration, and forced so that "enable server" lifts it
        this.admin = (config.disabled() ? AdminFlags.CMAINT | AdminFlags.FMAINT : 0)
                | (address == null && host != null ? AdminFlags.RMAINT : 0);
        this.idle = new IdleConnections(!"0".equals(config.option("pool-max-conn", "-1")));
        this.check = CheckView.health(config);
        this.agent = CheckView.agent(config);
        if ((admin & AdminFlags.RMAINT) != 0) {
            // "init-addr none" enters maintenance at start, stopped: no health, even without a check
            this.state = ServerState.STOPPED;
            check.maintenance(true);
            check.forcedDown();
        }
    }

    /**
     * A server created by "add server": it starts in forced maintenance (FMAINT, with CMAINT too
     * when "disabled" was given), stopped, until "enable server" or "set server ... state ready".
     * Its check has no health yet, and is paused only when "disabled" was given.
     */
    public static Server dynamic(ServerConfig config, Proxy backend, int puid) {
        Server s = new Server(config, backend, puid);
        s.state = ServerState.STOPPED;
        s.admin = config.disabled() ? AdminFlags.CMAINT | AdminFlags.FMAINT : AdminFlags.FMAINT;
        s.check.forcedDown();
        // new_server()'s effective weight of 1, recomputed from "weight" only once enabled
        s.eweight = 1;
        return s;
    }

    public String name() {
        return config.name();
    }

    public ServerConfig config() {
        return config;
    }

    /** Its TLS ("ssl", "check-ssl"), null when it has none; prepared once the configuration is loaded. */
    public org.jhaproxy.runtime.ssl.ServerSsl ssl() {
        return ssl;
    }

    public void ssl(org.jhaproxy.runtime.ssl.ServerSsl ssl) {
        this.ssl = ssl;
    }

    public Proxy backend() {
        return backend;
    }

    /**
     * Where to connect (alloc_dst_address()): a server written without a port (or with "+N"/"-N")
     * connects to the stream's destination port plus N, one at 0.0.0.0 (no address) to the
     * stream's destination address, the one the client reached or "set-dst" chose.
     */
    public InetSocketAddress address(InetSocketAddress clientDestination) {
        InetSocketAddress a = address;
        if (a == null || clientDestination == null) {
            return a;
        }
        boolean noAddress = a.getAddress() != null && a.getAddress().isAnyLocalAddress();
        if (!mapPorts && !noAddress) {
            return a;
        }
        return new InetSocketAddress(noAddress ? clientDestination.getAddress() : a.getAddress(),
                mapPorts ? (clientDestination.getPort() + port) & 0xFFFF : a.getPort());
    }

    /** The stream's destination decides where this server connects (no address, or a mapped port). */
    public boolean followsDestination() {
        InetSocketAddress a = address;
        return mapPorts || a != null && a.getAddress() != null && a.getAddress().isAnyLocalAddress();
    }

    /**
     * "init-addr last": the address a server-state file saved, taken at start before any
     * traffic; a server waiting for its name in resolution maintenance leaves it silently.
     */
    void takeAddress(java.net.InetAddress ip) {
        this.address = new InetSocketAddress(ip, port);
        if ((admin & AdminFlags.RMAINT) != 0) {
            backend.balancer().statusChanged(this, () -> {
                admin(admin & ~AdminFlags.RMAINT);
                if (!config.disabled()) {
                    state = ServerState.RUNNING;
                }
            });
            check.maintenance(false);
        }
    }

    /** The name it resolves now (srv->hostname), null for none: "show servers state" srv_fqdn. */
    public String hostname() {
        return hostname;
    }

    /** Only a {@link SrvRecordUpdate}: the target of the SRV record it took, null when it lost it. */
    void hostname(String name) {
        this.hostname = name;
    }

    /** The DNS SRV record name ("_http._tcp.name") filling this server, null when it has none. */
    public String srvRecord() {
        String fqdn = config.address() == null ? null : config.address().fqdn();
        return fqdn != null && fqdn.startsWith("_") ? fqdn : null;
    }

    /** The service port (svc_port): "show servers state" srv_port; an offset while {@link #mapsPorts()}. */
    public int port() {
        return port;
    }

    /** SRV_F_MAPPORTS: its port is added to the client's destination port. */
    public boolean mapsPorts() {
        return mapPorts;
    }

    /**
     * Only an {@link AddressUpdate} or a server-state file: a new IP (null keeps the current one)
     * and service port; the next connections go there and the idle ones to the old address are
     * closed (srv_cleanup_connections()).
     */
    void moveTo(java.net.InetAddress ip, int svcPort, boolean mapsPorts) {
        InetSocketAddress a = address;
        java.net.InetAddress next = ip != null ? ip : a == null ? null : a.getAddress();
        this.port = svcPort & 0xFFFF;
        this.mapPorts = mapsPorts;
        this.address = next == null ? null : new InetSocketAddress(next, this.port);
        idle.purge();
    }

    /**
     * srv_iterate_initaddr() after libc failed: the first of "none" (no IP: the server waits for
     * its resolvers in maintenance) or an IP address given in "init-addr" ("last" reads no state
     * file yet).
     */
    private static InetSocketAddress initAddr(String methods, int port) {
        for (String m : methods.split(",")) {
            if (m.equals("none")) {
                return null;
            }
            java.net.InetAddress ip = org.jhaproxy.runtime.sample.Addresses.parse(m);
            if (ip != null) {
                return new InetSocketAddress(ip, port);
            }
        }
        return null;
    }

    /** The IP it connects to (null while a name resolution found none): "show servers state" srv_addr. */
    public java.net.InetAddress ip() {
        InetSocketAddress a = address;
        return a == null ? null : a.getAddress();
    }

    /**
     * A name resolution changed its IP in place (srv_update_addr()): the next connections go
     * there; null when it failed for too long (the server is then in maintenance).
     */
    public void ip(java.net.InetAddress ip) {
        this.address = ip == null ? null : new InetSocketAddress(ip, port);
    }

    /** The local address a new connection to it binds, or null ("source" of the server or its backend). */
    public java.net.InetSocketAddress connectSource() {
        return source == null ? null : source.next();
    }

    /** The SOCKS4 proxy its connections go through ("socks4"), or null. */
    public InetSocketAddress socks4() {
        return socks4;
    }

    /** Idle keep-alive connections to this server (HTTP), per event loop. */
    public IdleConnections idle() {
        return idle;
    }

    public boolean isBackup() {
        return config.backup();
    }

    /** srv_willbe_usable(): running, neither in maintenance nor draining, with a non-zero weight. */
    public boolean isUsable() {
        return state.takesTraffic() && weight > 0 && address != null
                && (admin & (AdminFlags.MAINT | AdminFlags.DRAIN)) == 0;
    }

    /** Where the streams report this server's traffic ("observe"). */
    public Observation observation() {
        return observation;
    }

    /** The health check installs its analysis when the server has "observe". */
    public void observation(Observation o) {
        this.observation = o;
    }

    /** What is known of its health check (struct check's status, result, health, state). */
    public CheckView check() {
        return check;
    }

    /** What is known of its agent check ("agent-check"), as {@link #check()} for the health check. */
    public CheckView agent() {
        return agent;
    }

    /** The administrative flags (SRV_ADMF_*), as "show servers state" prints them. */
    public int admin() {
        return admin;
    }

    /** In maintenance (any of SRV_ADMF_MAINT): no traffic, no health checks. */
    public boolean inMaintenance() {
        return (admin & AdminFlags.MAINT) != 0;
    }

    /** Only an {@link AdminChange}, under the backend balancer's lock. */
    void admin(int flags) {
        this.admin = flags;
    }

    /**
     * A stopped server comes back (srv_update_status()): the time it spent down is added up;
     * leaving drain adds the time since the last change whatever the state, as haproxy does.
     */
    void downUntilNow(boolean evenIfRunning) {
        long now = nowSeconds();
        if ((evenIfRunning || state == ServerState.STOPPED) && lastChange < now) {
            downTime += now - lastChange;
        }
    }

    /** srv_downtime(): seconds spent down, this ongoing stop included. */
    public long downtime() {
        long now = nowSeconds();
        if (state != ServerState.STOPPED || lastChange >= now) {
            return downTime;
        }
        return now - lastChange + downTime;
    }

    /** A server-state file says when it last changed: {@code seconds} ago. */
    void lastChangedAgo(long seconds) {
        lastChange = nowSeconds() - seconds;
    }

    /** The operational state changed now (srv_update_status() sets last_change). */
    void changedNow() {
        lastChange = nowSeconds();
    }

    public ServerState state() {
        return state;
    }

    /** Only a {@link StateChange} changes it, under the backend balancer's lock. */
    void state(ServerState s) {
        if (s != this.state) {
            changedNow();
        }
        this.state = s;
    }

    /** The user weight (uweight): the configured one until "set weight" changes it. */
    public int weight() {
        return weight;
    }

    /** The configured weight (iweight). */
    public int initialWeight() {
        return initialWeight;
    }

    /**
     * Only an {@link AdminChange}, under the backend balancer's lock, which then recomputes the
     * effective weight ({@link #recalcEweight}).
     */
    void weight(int w) {
        this.weight = w;
    }

    /** The user weight's scale in effective weights (BE_WEIGHT_SCALE). */
    public static final int EWEIGHT_SCALE = 16;

    /** The effective weight the balancing algorithms use (cur_eweight), weight * 16 once warm. */
    public int eweight() {
        return eweight;
    }

    /** "slowstart" in seconds; 0 for none. */
    public int slowstart() {
        return slowstart;
    }

    static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    /**
     * server_recalc_eweight(): a STARTING server reaches RUNNING once "slowstart" has passed;
     * until then, with an algorithm whose weights may change ({@code dynamic}), its effective
     * weight grows from 1/16 of its weight by 1/16 per slowstart/16 seconds.
     */
    public void recalcEweight(boolean dynamic) {
        long now = nowSeconds();
        if (now < lastChange || now >= lastChange + slowstart) {
            if (state == ServerState.STARTING) {
                state = ServerState.RUNNING;
            }
        }
        int w = EWEIGHT_SCALE;
        if (state == ServerState.STARTING && dynamic) {
            w = (int) ((EWEIGHT_SCALE * (now - lastChange) + slowstart) / slowstart);
        }
        eweight = weight * w;
    }

    public int maxconn() {
        return maxconn;
    }

    public int minconn() {
        return minconn;
    }

    /**
     * "set maxconn server": the new limit (a static one moves minconn along, a dynamic one keeps
     * it); the balancer then serves the queue the new slots allow.
     */
    public void maxconn(int m) {
        if (maxconn == minconn) {
            minconn = m;
        }
        this.maxconn = m;
        backend.balancer().limitChanged(this);
    }

    /** The streams assigned to this server waiting for one of its "maxconn" slots. */
    public Queue queue() {
        return queue;
    }

    /** "maxqueue": how many streams may wait for this server, 0 for no limit. */
    public int maxqueue() {
        return maxqueue;
    }

    /** The server's numeric id (puid): "id" or its rank in the backend; keys its consistent-hash nodes. */
    public int puid() {
        return puid;
    }

    /** How many streams this server serves now (haproxy's "served"): what maxconn limits. */
    public int currentConns() {
        return currentConns.get();
    }

    /** A stream was assigned to this server (stream_add_srv_conn); called under the balancer's lock. */
    public void connectionTaken() {
        int n = currentConns.incrementAndGet();
        totalConns.incrementAndGet();
        counters.served(n);
        neededConns.seen(n + checkConns.get());
        counters.cumLbconn.increment();
        backend.backendCounters().cumLbconn.increment();
    }

    /**
     * A check's connection to this server was created (conn_new() then srv_use_conn()), before
     * it connects: it is in use until it closes, as a stream's is.
     */
    public void checkConnectionOpened() {
        neededConns.seen(currentConns.get() + checkConns.incrementAndGet());
    }

    public void checkConnectionClosed() {
        checkConns.decrementAndGet();
    }

    /** The connections to this server in use now, the streams' and the checks' (curr_used_conns). */
    public int usedConns() {
        return currentConns.get() + checkConns.get();
    }

    /** The most connections in use at once (est_need_conns, "need_conn_est"). */
    public long neededConns() {
        return neededConns.get();
    }

    /** What this server counts (its be_counters) for the stats. */
    public org.jhaproxy.runtime.proxy.BackendCounters counters() {
        return counters;
    }

    /** A new connection to this server is attempted (connect). */
    public void connectAttempted() {
        counters.serverSession();
        counters.connect.increment();
        backend.backendCounters().connect.increment();
    }

    /** An idle connection to this server is reused (reuse). */
    public void connectionReused() {
        counters.serverSession();
        counters.reuse.increment();
        backend.backendCounters().reuse.increment();
    }

    /** The connection attempts gave up (econ). */
    public void connectFailed() {
        counters.failedConns.increment();
        backend.backendCounters().failedConns.increment();
    }

    /** A failed attempt is tried again (wretr), on another server when redispatched (wredis). */
    public void connectRetried(boolean redispatched) {
        (redispatched ? counters.redispatches : counters.retries).increment();
        (redispatched ? backend.backendCounters().redispatches : backend.backendCounters().retries).increment();
    }

    /** When its state last changed (ms since the epoch, whole seconds), for "lastchg". */
    public long lastChange() {
        return lastChange * 1000;
    }

    /**
     * The stream assigned to this server ended (sess_change_server(s, NULL)): its slot goes to
     * the oldest stream waiting for this server or its backend, as process_srv_queue() does.
     */
    public void connectionReleased() {
        backend.balancer().released(this);
    }

    /** Only the balancer changes the count, under its lock. */
    public void servedDecrement() {
        currentConns.decrementAndGet();
    }

    public int totalConns() {
        return totalConns.get();
    }
}
