package org.jhaproxy.runtime.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.runtime.Engine;
import org.jhaproxy.runtime.listener.GlobalMaxconn;
import org.jhaproxy.runtime.listener.GlobalRateLimits;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.stats.InfoFields;
import org.jhaproxy.runtime.stats.InfoOutput;
import org.jhaproxy.runtime.stats.StatRow;

/**
 * "show info [typed|json] [desc] [float]" (management.txt 9.3): the process information, haproxy
 * 2.6's info fields ({@link InfoFields}) in one of the three forms of {@link InfoOutput}; an
 * unknown word is ignored and the last of "typed" and "json" wins, as cli_parse_show_info() does.
 * "float" gives the uptime, the start time and the rates as floating point numbers. Values
 * jhaproxy has no equivalent for (SSL, pipes, pools, compression) are 0, as in a haproxy that
 * does not use them.
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
        // "up" and "no-maint" mean nothing here; haproxy's parser of show info ignores them too
        org.jhaproxy.runtime.stats.DumpForm form = org.jhaproxy.runtime.stats.DumpForm.of(r, 2);
        StatRow.Value[] info = fill(r.engine(), r.session().sockets(), form.useFloat());
        if (form.typed()) {
            return InfoOutput.typed(info, form.desc());
        }
        return form.json() ? InfoOutput.json(info) : InfoOutput.plain(info, form.desc());
    }

    /** The info fields of a running process by name, integers and strings, for the exporter. */
    public static Map<String, Object> fields(Engine e) {
        StatRow.Value[] info = fill(e, e.statsSockets(), false);
        Map<String, Object> f = new LinkedHashMap<>();
        for (InfoFields.InfoField field : InfoFields.ALL) {
            if (info[field.pos()] != null) {
                f.put(field.name(), info[field.pos()].value());
            }
        }
        return f;
    }

    /** stats_fill_info(): a value per field of {@link InfoFields#ALL}, null where haproxy leaves one out. */
    private static StatRow.Value[] fill(Engine e, StatsSockets cli, boolean useFloat) {
        Info f = new Info(useFloat);
        GlobalMaxconn g = e.global();
        Instant now = Instant.now();
        Instant start = ProcessHandle.current().info().startInstant().orElse(now);
        Duration up = Duration.between(start, now).isNegative() ? Duration.ZERO : Duration.between(start, now);
        long cumConns = cli.cumulatedConns();
        for (Proxy p : e.proxies().all()) {
            cumConns += p.cumulatedFrontendConns();
        }
        int curr = g.actconn();
        int listeners = (int) e.listeners().stream().filter(l -> l.state() != org.jhaproxy.runtime.listener.ListenerState.ASSIGNED)
                .count() + cli.listeners() + (e.logForwards() == null ? 0 : e.logForwards().listeners());
        GlobalRateLimits rates = g.rates();
        f.put("Name", "HAProxy");
        f.put("Version", VERSION);
        f.put("Build info", VERSION);
        f.put("Release_date", RELEASE_DATE);
        f.put("Nbthread", e.config().globalNumber("nbthread", Runtime.getRuntime().availableProcessors()));
        f.put("Nbproc", 1);
        f.put("Process_num", 1);
        f.put("Pid", ProcessHandle.current().pid());
        f.put("Uptime", uptime(up.getSeconds()));
        f.put("Uptime_sec", up.getSeconds(), seconds(up.getSeconds(), up.getNano()));
        f.put("Start_time_sec", start.getEpochSecond(), seconds(start.getEpochSecond(), start.getNano()));
        f.put("Memmax_MB", 0);
        f.put("Memmax_bytes", 0);
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        f.put("PoolAlloc_MB", 0);
        f.put("PoolAlloc_bytes", used);
        f.put("PoolUsed_MB", 0);
        f.put("PoolUsed_bytes", used);
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
        f.put("ConnRate", rates.connRate(), rates.connRateFloat());
        f.put("ConnRateLimit", rates.connLimit());
        f.put("MaxConnRate", rates.maxConnRate());
        f.put("SessRate", rates.sessRate(), rates.sessRateFloat());
        f.put("SessRateLimit", rates.sessLimit());
        f.put("MaxSessRate", rates.maxSessRate());
        f.put("SslRate", 0, 0.0);
        f.put("SslRateLimit", rates.sslLimit());
        f.put("MaxSslRate", 0);
        for (String k : List.of("SslFrontendKeyRate", "SslFrontendSessionReuse_pct", "SslBackendKeyRate",
                "CompressBpsIn", "CompressBpsOut")) {
            f.put(k, 0, 0.0);
        }
        for (String k : List.of("SslFrontendMaxKeyRate", "SslBackendMaxKeyRate", "SslCacheLookups", "SslCacheMisses")) {
            f.put(k, 0);
        }
        f.put("CompressBpsRateLim", rates.compressionLimit());
        f.put("Tasks", listeners + curr);
        f.put("Run_queue", 0);
        f.put("Idle_pct", 100);
        f.put("node", node(e));
        String description = description(e.config().globalLine("description"));
        if (description != null) {
            f.put("description", description);
        }
        f.put("Stopping", e.softStopping() ? 1 : 0);
        f.put("Jobs", listeners + curr + cli.currentConns());
        f.put("Unstoppable Jobs", 0);
        f.put("Listeners", listeners);
        org.jhaproxy.runtime.log.Logging logging = e.logging();
        f.put("DroppedLogs", logging == null ? 0 : logging.syslog().dropped());
        for (String k : List.of("ActivePeers", "ConnectedPeers", "BusyPolling", "FailedResolutions")) {
            f.put(k, 0);
        }
        f.put("TotalBytesOut", bytesOut(e));
        for (String k : List.of("TotalSplicdedBytesOut", "BytesOutRate", "DebugCommandsIssued")) {
            f.put(k, 0);
        }
        f.put("CumRecvLogs", e.logForwards() == null ? 0 : e.logForwards().received());
        f.put("Tainted", "0");
        return f.values;
    }

    /** The values being filled, each with its field's tags and type, or their "float" variants. */
    private static final class Info {
        final StatRow.Value[] values = new StatRow.Value[InfoFields.ALL.size()];
        final boolean useFloat;

        Info(boolean useFloat) {
            this.useFloat = useFloat;
        }

        void put(String name, Object v) {
            InfoFields.InfoField f = InfoFields.named(name);
            values[f.pos()] = new StatRow.Value(f.tags(), f.type(), v);
        }

        /** A field "float" changes: {@code flt} is its value then. */
        void put(String name, Object v, double flt) {
            InfoFields.InfoField f = InfoFields.named(name);
            values[f.pos()] = useFloat ? new StatRow.Value(f.floatTags(), f.floatType(), flt)
                    : new StatRow.Value(f.tags(), f.type(), v);
        }
    }

    /** Seconds and nanoseconds as haproxy's timeval to double: to the microsecond. */
    private static double seconds(long s, int nanos) {
        return s + (nanos / 1000) / 1_000_000.0;
    }

    /** The global "description" line's words joined by a space, as haproxy stores them; null without one. */
    private static String description(org.jhaproxy.config.source.Line l) {
        return l == null ? null : String.join(" ", l.args().subList(1, l.args().size())).strip();
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
