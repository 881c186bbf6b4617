package org.jhaproxy.runtime.cli;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.runtime.Engine;
import org.jhaproxy.runtime.listener.GlobalMaxconn;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * "show info": the process information, haproxy 2.6's info fields in their order as "Name:
 * value" lines. Values jhaproxy has no equivalent for (SSL, pipes, pools, compression) are 0,
 * as in a haproxy that does not use them.
 */
public final class ShowInfo implements CliCommand {
    /** What "Version" and "Build info" say: haproxy's release, with jhaproxy as the distribution suffix. */
    public static final String VERSION = "2.6.12-jhaproxy";
    static final String RELEASE_DATE = "2026/11/23";

    @Override
    public List<String> keywords() {
        return List.of("show", "info");
    }

    @Override
    public String run(CliRequest r) {
        StringBuilder out = new StringBuilder();
        fields(r.session()).forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
        return out.toString();
    }

    /** The info fields (stats_fill_info()), in haproxy's order. */
    static Map<String, Object> fields(CliSession session) {
        return fields(session.engine(), session.sockets());
    }

    /** The info fields of a running process, for what shows them outside the CLI (the exporter). */
    public static Map<String, Object> fields(Engine e) {
        return fields(e, e.statsSockets());
    }

    private static Map<String, Object> fields(Engine e, StatsSockets cli) {
        GlobalMaxconn g = e.global();
        long start = ProcessHandle.current().info().startInstant().map(i -> i.getEpochSecond())
                .orElse(System.currentTimeMillis() / 1000);
        long up = Math.max(0, System.currentTimeMillis() / 1000 - start);
        long cumConns = cli.cumulatedConns();
        for (Proxy p : e.proxies().all()) {
            cumConns += p.cumulatedFrontendConns();
        }
        int curr = g.actconn();
        int listeners = (int) e.listeners().stream().filter(l -> l.state() != org.jhaproxy.runtime.listener.ListenerState.ASSIGNED)
                .count() + cli.listeners();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("Name", "HAProxy");
        f.put("Version", VERSION);
        f.put("Release_date", RELEASE_DATE);
        f.put("Nbthread", e.config().globalNumber("nbthread", Runtime.getRuntime().availableProcessors()));
        f.put("Nbproc", 1);
        f.put("Process_num", 1);
        f.put("Pid", ProcessHandle.current().pid());
        f.put("Uptime", uptime(up));
        f.put("Uptime_sec", up);
        f.put("Memmax_MB", 0);
        f.put("PoolAlloc_MB", 0);
        f.put("PoolUsed_MB", 0);
        f.put("PoolFailed", 0);
        f.put("Ulimit-n", g.ulimitN());
        f.put("Maxsock", g.maxsock());
        f.put("Maxconn", g.maxconn());
        f.put("Hard_maxconn", g.hardMaxconn());
        f.put("CurrConns", curr);
        f.put("CumConns", cumConns);
        f.put("CumReq", e.streams().created());
        for (String k : List.of("MaxSslConns", "CurrSslConns", "CumSslConns", "Maxpipes", "PipesUsed", "PipesFree")) {
            f.put(k, 0);
        }
        org.jhaproxy.runtime.listener.GlobalRateLimits rates = g.rates();
        f.put("ConnRate", rates.connRate());
        f.put("ConnRateLimit", rates.connLimit());
        f.put("MaxConnRate", rates.maxConnRate());
        f.put("SessRate", rates.sessRate());
        f.put("SessRateLimit", rates.sessLimit());
        f.put("MaxSessRate", rates.maxSessRate());
        f.put("SslRate", 0);
        f.put("SslRateLimit", rates.sslLimit());
        for (String k : List.of("MaxSslRate", "SslFrontendKeyRate", "SslFrontendMaxKeyRate",
                "SslFrontendSessionReuse_pct", "SslBackendKeyRate", "SslBackendMaxKeyRate", "SslCacheLookups",
                "SslCacheMisses", "CompressBpsIn", "CompressBpsOut")) {
            f.put(k, 0);
        }
        f.put("CompressBpsRateLim", rates.compressionLimit());
        f.put("Tasks", listeners + curr);
        f.put("Run_queue", 0);
        f.put("Idle_pct", 100);
        f.put("node", node(e));
        f.put("Stopping", e.softStopping() ? 1 : 0);
        f.put("Jobs", listeners + curr + cli.currentConns());
        f.put("Unstoppable Jobs", 0);
        f.put("Listeners", listeners);
        for (String k : List.of("ActivePeers", "ConnectedPeers", "DroppedLogs", "BusyPolling", "FailedResolutions")) {
            f.put(k, 0);
        }
        f.put("TotalBytesOut", bytesOut(e));
        for (String k : List.of("TotalSplicdedBytesOut", "BytesOutRate", "DebugCommandsIssued", "CumRecvLogs")) {
            f.put(k, 0);
        }
        f.put("Build info", VERSION);
        f.put("Memmax_bytes", 0);
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        f.put("PoolAlloc_bytes", used);
        f.put("PoolUsed_bytes", used);
        f.put("Start_time_sec", start);
        f.put("Tainted", 0);
        return f;
    }

    /**
     * global.out_bytes: what the process sent on every connection, clients, servers and the CLI:
     * the raw bytes of the HTTP connections (h1 module), the forwarded bytes of the TCP ones.
     */
    private static long bytesOut(Engine e) {
        long out = e.statsSockets().bytesOut();
        for (Proxy p : e.proxies().all()) {
            if (p.isHttp()) {
                out += p.frontendCounters().h1.bytesOut.sum() + p.backendCounters().h1.bytesOut.sum();
            } else {
                out += p.frontendCounters().bytesOut.sum() + p.backendCounters().bytesIn.sum();
            }
        }
        return out;
    }

    /** "0d 0h03m13s". */
    static String uptime(long s) {
        Duration d = Duration.ofSeconds(s);
        return String.format("%dd %dh%02dm%02ds", d.toDays(), d.toHoursPart(), d.toMinutesPart(), d.toSecondsPart());
    }

    /** The global "node" name, else the host name as haproxy takes it at boot. */
    private static String node(Engine e) {
        org.jhaproxy.config.source.Line l = e.config().globalLine("node");
        if (l != null) {
            return l.arg(1);
        }
        String h = org.jhaproxy.runtime.process.ProcessFacts.hostname();
        return h == null ? "" : h;
    }
}
