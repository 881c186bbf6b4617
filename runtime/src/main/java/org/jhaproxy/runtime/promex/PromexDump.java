package org.jhaproxy.runtime.promex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.AdminFlags;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;
import org.jhaproxy.runtime.stats.StatRow;
import org.jhaproxy.runtime.stats.StatRows;

/**
 * The exporter's text, as haproxy's promex dumps it: the process metrics, then each proxy metric
 * for every frontend, then for every backend, then for every server, field by field (all the
 * objects of one metric together, its "# HELP" and "# TYPE" lines before its first sample).
 * The values are the ones "show info" and "show stat" give. The text is a list of units, a unit
 * being one sample with the header lines it carries, because haproxy cuts its chunks between
 * units ({@link PromexChunks}).
 */
final class PromexDump {
    /** The check statuses with a result (get_check_status_result() >= CHK_RES_FAILED), by HCHK_STATUS_* id. */
    private static final String[] CHECK_STATES = {"HANA", "SOCKERR", "L4OK", "L4TOUT", "L4CON", "L6OK", "L6TOUT",
        "L6RSP", "L7TOUT", "L7RSP", "L7OK", "L7OKC", "L7STS", "PROCERR", "PROCTOUT", "PROCOK"};
    private static final int[] CHECK_IDS = {4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20};
    /** HCHK_STATUS_L57DATA: statuses from it on carry a layer 5-7 code. */
    private static final int L57DATA = 14;
    private static final String[] SERVER_STATES = {"DOWN", "UP", "MAINT", "DRAIN", "NOLB"};
    private static final String[] PROXY_STATES = {"DOWN", "UP"};

    private final PromexQuery query;
    private final List<List<String>> dumpers = new ArrayList<>();
    private List<String> units;
    /** The next sample starts a metric: it carries the header lines. */
    private boolean header;

    private PromexDump(PromexQuery query) {
        this.query = query;
    }

    /** The units of one scrape, per dumper (process, frontends, backends, servers). */
    static List<List<String>> of(PromexQuery query, Map<String, Object> info, String version, Proxies proxies) {
        PromexDump d = new PromexDump(query);
        List<Proxy> shown = new ArrayList<>();
        List<List<StatRow>> rows = new ArrayList<>();
        for (Proxy p : proxies.all()) {
            // disabled proxies are not exported
            if (!p.config().disabled()) {
                shown.add(p);
                rows.add(StatRows.of(p, proxies.uuid(p), proxies, false));
            }
        }
        if (query.has(PromexQuery.Scope.GLOBAL)) {
            d.start().process(info, version);
        }
        if (query.has(PromexQuery.Scope.FRONTEND)) {
            d.start().frontends(shown, rows);
        }
        if (query.has(PromexQuery.Scope.BACKEND)) {
            d.start().backends(shown, rows);
        }
        if (query.has(PromexQuery.Scope.SERVER)) {
            d.start().servers(shown, rows);
        }
        return d.dumpers;
    }

    private PromexDump start() {
        units = new ArrayList<>();
        dumpers.add(units);
        return this;
    }

    private void process(Map<String, Object> info, String version) {
        for (PromexMetric m : PromexMetrics.PROCESS) {
            header = true;
            if (m.name().equals("build_info")) {
                sample("haproxy_process_", m, "{version=\"" + version + "\"}", "1");
            } else {
                Object v = info.get(m.field());
                sample("haproxy_process_", m, "", v instanceof Number ? v.toString() : "NaN");
            }
        }
    }

    private void frontends(List<Proxy> proxies, List<List<StatRow>> rows) {
        for (PromexMetric m : PromexMetrics.PROXY) {
            if (!m.on('F')) {
                continue;
            }
            header = true;
            for (int i = 0; i < proxies.size(); i++) {
                Proxy p = proxies.get(i);
                StatRow r = row(rows.get(i), StatRow.FRONTEND);
                if (r == null) {
                    continue;
                }
                String px = "proxy=\"" + p.name() + "\"";
                switch (m.field()) {
                    case "status" -> states("haproxy_frontend_", m, px, PROXY_STATES,
                            "STOP".equals(r.get("status").text()) ? 0 : 1);
                    default -> common("haproxy_frontend_", m, p, r, px);
                }
            }
        }
    }

    private void backends(List<Proxy> proxies, List<List<StatRow>> rows) {
        for (PromexMetric m : PromexMetrics.PROXY) {
            if (!m.on('B')) {
                continue;
            }
            header = true;
            for (int i = 0; i < proxies.size(); i++) {
                Proxy p = proxies.get(i);
                StatRow r = row(rows.get(i), StatRow.BACKEND);
                if (r == null) {
                    continue;
                }
                String px = "proxy=\"" + p.name() + "\"";
                switch (m.field()) {
                    case "status" -> states("haproxy_backend_", m, px, PROXY_STATES,
                            "UP".equals(r.get("status").text()) ? 1 : 0);
                    case "agg_server_status", "agg_server_check_status" -> {
                        int[] count = new int[SERVER_STATES.length];
                        p.servers().forEach(s -> count[serverState(s)]++);
                        for (int st = 0; st < SERVER_STATES.length && !p.servers().isEmpty(); st++) {
                            sample("haproxy_backend_", m, "{" + px + ",state=\"" + SERVER_STATES[st] + "\"}",
                                    Integer.toString(count[st]));
                        }
                    }
                    case "agg_check_status" -> {
                        for (int st = 0; st < CHECK_IDS.length && !p.servers().isEmpty(); st++) {
                            int id = CHECK_IDS[st];
                            long n = p.servers().stream().filter(s -> s.check().status() == id).count();
                            sample("haproxy_backend_", m, "{" + px + ",state=\"" + CHECK_STATES[st] + "\"}",
                                    Long.toString(n));
                        }
                    }
                    default -> common("haproxy_backend_", m, p, r, px);
                }
            }
        }
    }

    private void servers(List<Proxy> proxies, List<List<StatRow>> rows) {
        for (PromexMetric m : PromexMetrics.PROXY) {
            if (!m.on('S')) {
                continue;
            }
            header = true;
            for (int i = 0; i < proxies.size(); i++) {
                Proxy p = proxies.get(i);
                if (!p.config().isBackend()) {
                    continue;
                }
                List<Server> servers = p.servers();
                int at = 0;
                for (StatRow r : rows.get(i)) {
                    if (r.type() != StatRow.SERVER) {
                        continue;
                    }
                    Server s = servers.get(at++);
                    if (query.noMaint() && (s.admin() & AdminFlags.MAINT) != 0) {
                        continue;
                    }
                    String labels = "proxy=\"" + p.name() + "\",server=\"" + s.name() + "\"";
                    server(m, p, s, r, labels);
                }
            }
        }
    }

    private void server(PromexMetric m, Proxy p, Server s, StatRow r, String labels) {
        // a check that is configured, enabled and not paused by maintenance
        boolean checking = (s.check().state() & (0x04 | 0x08)) == 0x04;
        int status = s.check().status();
        switch (m.field()) {
            case "status" -> states("haproxy_server_", m, labels, SERVER_STATES, serverState(s));
            case "check_status" -> {
                if (checking) {
                    for (int st = 0; st < CHECK_IDS.length; st++) {
                        sample("haproxy_server_", m, "{" + labels + ",state=\"" + CHECK_STATES[st] + "\"}",
                                status == CHECK_IDS[st] ? "1" : "0");
                    }
                }
            }
            case "check_code" -> {
                if (checking) {
                    StatRow.Value code = r.get("check_code");
                    sample("haproxy_server_", m, "{" + labels + "}", status < L57DATA ? "0" : text(code));
                }
            }
            case "check_duration" -> {
                // HCHK_STATUS_CHECKED: a check has ended
                if (status >= 3) {
                    StatRow.Value d = r.get("check_duration");
                    sample("haproxy_server_", m, "{" + labels + "}", seconds(d));
                }
            }
            default -> common("haproxy_server_", m, p, r, labels);
        }
    }

    /** The fields every object exports the same way, HTTP ones on HTTP proxies only. */
    private void common(String prefix, PromexMetric m, Proxy p, StatRow r, String labels) {
        String f = m.field();
        if (f.startsWith("hrsp_")) {
            if (!p.isHttp()) {
                return;
            }
            // one header for the six codes of http_responses_total
            if (!f.equals("hrsp_1xx")) {
                header = false;
            }
            String code = f.substring(5);
            sample(prefix, m, "{" + labels + ",code=\"" + code + "\"}", text(r.get(f)));
            return;
        }
        if (!p.isHttp() && switch (f) {
            case "req_rate_max", "req_tot", "intercepted", "cache_lookups", "cache_hits", "comp_in", "comp_out",
                 "comp_byp", "comp_rsp" -> true;
            default -> false;
        }) {
            return;
        }
        String v = switch (f) {
            case "qtime", "ctime", "rtime", "ttime", "qtime_max", "ctime_max", "rtime_max", "ttime_max" ->
                    seconds(r.get(f));
            default -> text(r.get(f));
        };
        sample(prefix, m, "{" + labels + "}", v);
    }

    /** A state metric: one sample per state, 1 for the object's own. */
    private void states(String prefix, PromexMetric m, String labels, String[] states, int current) {
        for (int st = 0; st < states.length; st++) {
            sample(prefix, m, "{" + labels + ",state=\"" + states[st] + "\"}", st == current ? "1" : "0");
        }
    }

    private void sample(String prefix, PromexMetric m, String labels, String value) {
        String name = prefix + m.name();
        StringBuilder sb = new StringBuilder();
        if (header) {
            sb.append("# HELP ").append(name).append(' ').append(m.help()).append('\n');
            sb.append("# TYPE ").append(name).append(' ').append(m.type()).append('\n');
            header = false;
        }
        units.add(sb.append(name).append(labels).append(' ').append(value).append('\n').toString());
    }

    /** promex_srv_status(): the index in SERVER_STATES. */
    private static int serverState(Server s) {
        int state = 0;
        ServerState st = s.state();
        if (st == ServerState.RUNNING || st == ServerState.STARTING) {
            state = (s.admin() & AdminFlags.DRAIN) != 0 ? 3 : 1;
        } else if (st == ServerState.STOPPING) {
            state = 4;
        }
        if ((s.admin() & AdminFlags.MAINT) != 0) {
            state = 2;
        }
        return state;
    }

    private static StatRow row(List<StatRow> rows, int type) {
        for (StatRow r : rows) {
            if (r.type() == type) {
                return r;
            }
        }
        return null;
    }

    /** A field as a number: empty and text fields are "NaN", as Prometheus only takes numbers. */
    private static String text(StatRow.Value v) {
        return v == null || v.value() == null || "str".equals(v.type()) ? "NaN" : v.text();
    }

    /** A time in milliseconds as the exporter prints it: seconds with six decimals ("%f"). */
    private static String seconds(StatRow.Value v) {
        if (v == null || !(v.value() instanceof Number n)) {
            return "NaN";
        }
        return String.format(Locale.ROOT, "%f", n.longValue() / 1000.0);
    }
}
