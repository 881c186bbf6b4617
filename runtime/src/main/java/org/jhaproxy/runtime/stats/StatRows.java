package org.jhaproxy.runtime.stats;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.runtime.proxy.BackendCounters;
import org.jhaproxy.runtime.proxy.FrontendCounters;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.proxy.ProxyState;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;

/**
 * The lines of "show stat" and the stats page, as haproxy's stats_fill_fe_stats(),
 * stats_fill_sv_stats() and stats_fill_be_stats() fill them: per proxy in declaration order,
 * its FRONTEND line, then its servers, then its BACKEND line.
 */
public final class StatRows {
    private StatRows() {
    }

    /**
     * Every line; {@code legends} adds what "stats show-legends" (or an operator socket) shows:
     * server addresses and the backend's algorithm.
     */
    public static List<StatRow> of(Proxies proxies, boolean legends) {
        List<StatRow> rows = new ArrayList<>();
        for (Proxy p : proxies.all()) {
            rows.addAll(of(p, proxies.uuid(p), proxies, legends));
        }
        return rows;
    }

    /** The lines of one proxy. */
    public static List<StatRow> of(Proxy p, int iid, Proxies all, boolean legends) {
        return of(p, iid, all, legends, ServerFilter.ALL);
    }

    /** The lines of one proxy, without the servers {@code filter} hides. */
    public static List<StatRow> of(Proxy p, int iid, Proxies all, boolean legends, ServerFilter filter) {
        List<StatRow> rows = new ArrayList<>();
        if (p.config().isFrontend()) {
            rows.add(frontend(p, iid));
        }
        if (p.config().isBackend()) {
            for (Server s : p.servers()) {
                if (filter.shows(s)) {
                    rows.add(server(p, s, iid, legends));
                }
            }
            StatRow b = backend(p, iid, all, legends);
            if (filter.filters()) {
                StatRow.Value status = b.get("status");
                b.set("status", status.tags(), ServerFilter.counted(status.text(), p));
            }
            rows.add(b);
        }
        return rows;
    }

    private static String mode(Proxy p) {
        return p.isHttp() ? "http" : "tcp";
    }

    private static long age(long sinceMs) {
        return (System.currentTimeMillis() - sinceMs) / 1000;
    }

    static StatRow frontend(Proxy p, int iid) {
        FrontendCounters c = p.frontendCounters();
        StatRow r = new StatRow();
        r.set("pxname", p.name()).set("svname", "FRONTEND").set("mode", mode(p));
        r.set("scur", (long) p.feconn().get()).set("smax", c.connMax.get()).set("slim", (long) p.maxconn());
        r.set("stot", c.cumSess.sum()).set("bin", c.bytesIn.sum()).set("bout", c.bytesOut.sum());
        r.set("dreq", c.deniedReq.sum()).set("dresp", c.deniedResp.sum()).set("ereq", c.failedReq.sum());
        r.set("dcon", c.deniedConn.sum()).set("dses", c.deniedSess.sum());
        boolean stopped = p.state() == ProxyState.STOPPED || p.config().disabled();
        r.set("status", stopped ? "STOP" : "OPEN");
        keys(r, iid, 0, StatRow.FRONTEND);
        r.set("rate", c.sessPerSec.read()).set("rate_lim", 0L).set("rate_max", c.spsMax.get());
        r.set("wrew", c.failedRewrites.sum()).set("eint", c.internalErrors.sum());
        if (p.isHttp()) {
            responses(r, c.responses);
            r.set("intercepted", c.intercepted.sum()).set("cache_lookups", c.cacheLookups.sum()).set("cache_hits", c.cacheHits.sum());
        }
        r.set("req_rate", c.reqPerSec.read()).set("req_rate_max", c.rpsMax.get()).set("req_tot", c.cumReq.sum());
        compression(r, c.comp);
        r.set("conn_rate", c.connPerSec.read()).set("conn_rate_max", c.cpsMax.get()).set("conn_tot", c.cumConn.sum());
        modules(r, c.h1);
        return r;
    }

    static StatRow server(Proxy p, Server s, int iid, boolean legends) {
        BackendCounters c = s.counters();
        StatRow r = new StatRow();
        r.set("pxname", p.name()).set("svname", s.name()).set("mode", mode(p));
        r.set("qcur", (long) s.queue().length()).set("qmax", c.queueMax.get());
        r.set("scur", (long) s.currentConns()).set("smax", c.connMax.get());
        if (s.maxconn() > 0) {
            r.set("slim", (long) s.maxconn());
        }
        r.set("stot", c.cumConn.sum()).set("bin", c.bytesIn.sum()).set("bout", c.bytesOut.sum());
        r.set("dresp", c.deniedResp.sum()).set("econ", c.failedConns.sum()).set("eresp", c.failedResp.sum());
        r.set("wretr", c.retries.sum()).set("wredis", c.redispatches.sum());
        r.set("status", ServerStatus.of(s));
        // the effective weight (less while warming up with "slowstart"), the user weight
        r.set("weight", scaled(s.eweight())).set("uweight", (long) s.weight());
        r.set("act", "SGP", s.isBackup() ? 0L : 1L).set("bck", "SGP", s.isBackup() ? 1L : 0L);
        r.set("lastchg", age(s.lastChange()));
        if (s.check().enabled()) {
            r.set("chkfail", c.failedChecks.sum()).set("chkdown", c.downTrans.sum()).set("downtime", s.downtime());
        }
        if (s.maxqueue() > 0) {
            r.set("qlimit", (long) s.maxqueue());
        }
        keys(r, iid, s.puid(), StatRow.SERVER);
        r.set("lbtot", c.cumLbconn.sum());
        r.set("rate", "MRP", c.sessPerSec.read()).set("rate_max", c.spsMax.get());
        if (p.isHttp()) {
            r.set("req_tot", c.cumReq.sum());
            responses(r, c.responses);
        }
        CheckFields.of(r, s);
        if (!s.config().option("observe", "none").equals("none")) {
            r.set("hanafail", c.failedHana.sum());
        }
        r.set("cli_abrt", c.cliAborts.sum()).set("srv_abrt", c.srvAborts.sum());
        long last = c.lastSession.get();
        r.set("lastsess", last == 0 ? -1L : age(last));
        times(r, c, p.isHttp() ? c.cumReq.sum() : c.cumLbconn.sum());
        String cookie = s.config().option("cookie", null);
        if (legends && cookie != null) { // the server's cookie value, shown with the address
            r.set("cookie", cookie);
        }
        if (legends && s.config().address() != null) {
            InetSocketAddress a = s.address(null);
            if (a != null && a.getAddress() != null) {
                String h = a.getAddress().getHostAddress();
                r.set("addr", (h.contains(":") ? "[" + h + "]" : h) + ":" + a.getPort());
            }
        }
        r.set("wrew", c.failedRewrites.sum()).set("connect", c.connect.sum()).set("reuse", c.reuse.sum());
        r.set("srv_icur", (long) s.idle().size());
        long ilim = Long.parseLong(s.config().option("pool-max-conn", "-1"));
        if (ilim != -1) { // max_idle_conns: -1 (unlimited) shows nothing
            r.set("src_ilim", ilim);
        }
        r.set("eint", c.internalErrors.sum());
        // jhaproxy does not tell safe from unsafe idle connections: all are shown as unsafe
        r.set("idle_conn_cur", (long) s.idle().size()).set("safe_conn_cur", 0L);
        r.set("used_conn_cur", (long) s.usedConns()).set("need_conn_est", s.neededConns());
        r.set("ssl_sess", 0L).set("ssl_reused_sess", 0L).set("ssl_failed_handshake", 0L);
        return r;
    }

    static StatRow backend(Proxy p, int iid, Proxies all, boolean legends) {
        BackendCounters c = p.backendCounters();
        StatRow r = new StatRow();
        r.set("pxname", p.name()).set("svname", "BACKEND").set("mode", mode(p));
        r.set("qcur", (long) p.balancer().queue().length()).set("qmax", c.queueMax.get());
        r.set("scur", (long) p.beconn().get()).set("smax", c.connMax.get()).set("slim", (long) p.fullconn());
        r.set("stot", c.cumConn.sum()).set("bin", c.bytesIn.sum()).set("bout", c.bytesOut.sum());
        r.set("dreq", c.deniedReq.sum()).set("dresp", c.deniedResp.sum());
        r.set("econ", c.failedConns.sum()).set("eresp", c.failedResp.sum());
        r.set("wretr", c.retries.sum()).set("wredis", c.redispatches.sum());
        int act = 0;
        int bck = 0;
        long actWeight = 0;
        long bckWeight = 0;
        long actEweight = 0;
        long bckEweight = 0;
        for (Server s : p.servers()) {
            if (s.isUsable()) {
                if (s.isBackup()) {
                    bck++;
                    bckWeight += s.weight();
                    bckEweight += s.eweight();
                } else {
                    act++;
                    actWeight += s.weight();
                    actEweight += s.eweight();
                }
            }
        }
        long weight = act > 0 ? actWeight : bckWeight;
        r.set("status", weight > 0 || p.servers().isEmpty() ? "UP" : "DOWN");
        r.set("weight", scaled(act > 0 ? actEweight : bckEweight)).set("uweight", weight);
        r.set("act", (long) act).set("bck", (long) bck).set("chkdown", p.downTransitions())
                .set("lastchg", age(p.lastChange()));
        if (!p.servers().isEmpty()) {
            r.set("downtime", p.downtime(weight > 0));
        }
        keys(r, iid, 0, StatRow.BACKEND);
        r.set("lbtot", c.cumLbconn.sum());
        r.set("rate", "MGP", c.sessPerSec.read()).set("rate_max", "MGP", c.spsMax.get());
        if (legends) {
            r.set("algo", algo(p));
            if (p.persist().cookie() != null) { // the persistence cookie's name
                r.set("cookie", p.persist().cookie().name());
            }
        }
        if (p.isHttp()) {
            r.set("req_tot", c.cumReq.sum());
            responses(r, c.responses);
            r.set("cache_lookups", c.cacheLookups.sum()).set("cache_hits", c.cacheHits.sum());
        }
        r.set("cli_abrt", c.cliAborts.sum()).set("srv_abrt", c.srvAborts.sum());
        compression(r, c.comp);
        long last = c.lastSession.get();
        r.set("lastsess", last == 0 ? -1L : age(last));
        times(r, c, p.isHttp() ? c.cumReq.sum() : c.cumLbconn.sum());
        r.set("wrew", c.failedRewrites.sum()).set("connect", c.connect.sum()).set("reuse", c.reuse.sum());
        r.set("eint", c.internalErrors.sum());
        r.set("agg_server_status", 0L).set("agg_server_check_status", 0L).set("agg_check_status", 0L);
        modules(r, c.h1);
        return r;
    }

    private static String algo(Proxy p) {
        String a = p.config().balanceAlgorithm();
        if (a == null || a.isEmpty()) {
            return "roundrobin";
        }
        return a.split(" ")[0];
    }

    private static void keys(StatRow r, int iid, int sid, int type) {
        r.set("pid", 1L).set("iid", (long) iid).set("sid", (long) sid).set("type", (long) type);
    }

    private static void responses(StatRow r, org.jhaproxy.runtime.proxy.HttpResponseClasses c) {
        r.set("hrsp_1xx", c.get(1)).set("hrsp_2xx", c.get(2)).set("hrsp_3xx", c.get(3)).set("hrsp_4xx", c.get(4))
                .set("hrsp_5xx", c.get(5)).set("hrsp_other", c.get(0));
    }

    private static void compression(StatRow r, org.jhaproxy.runtime.comp.CompCounters c) {
        r.set("comp_in", c.in.sum()).set("comp_out", c.out.sum()).set("comp_byp", c.bypassed.sum())
                .set("comp_rsp", c.responses.sum());
    }

    private static void times(StatRow r, BackendCounters c, long samples) {
        int w = BackendCounters.window(samples);
        r.set("qtime", c.qTime(w)).set("ctime", c.cTime(w)).set("rtime", c.dTime(w)).set("ttime", c.tTime(w));
        r.set("qtime_max", c.qTimeMax.get()).set("ctime_max", c.cTimeMax.get());
        r.set("rtime_max", c.dTimeMax.get()).set("ttime_max", c.tTimeMax.get());
    }

    /** The ssl, h2 and h1 modules' counters: frontends and backends have them all, servers ssl only. */
    private static void modules(StatRow r, org.jhaproxy.runtime.proxy.H1Counters h1) {
        for (int i = StatFields.MODULES_START; i < StatFields.ALL.size(); i++) {
            r.set(StatFields.ALL.get(i).name(), 0L);
        }
        // an open h1 connection carries at most one stream: the gauges move together
        r.set("h1_open_connections", h1.openConnections.sum()).set("h1_open_streams", h1.openConnections.sum());
        r.set("h1_total_connections", h1.connections.sum()).set("h1_total_streams", h1.streams.sum());
        r.set("h1_bytes_in", h1.bytesIn.sum()).set("h1_bytes_out", h1.bytesOut.sum());
    }

    /** An effective weight as the stats print it: in user-weight units, rounded up (lbprm.wdiv). */
    private static long scaled(long eweight) {
        return (eweight + Server.EWEIGHT_SCALE - 1) / Server.EWEIGHT_SCALE;
    }
}
