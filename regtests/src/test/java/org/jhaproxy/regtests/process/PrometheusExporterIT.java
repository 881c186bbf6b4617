package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * "http-request use-service prometheus-exporter" (haproxy's promex addon): the same configuration
 * and traffic through bin/jhaproxy and haproxy 2.6. The metrics' names, "# HELP" and "# TYPE"
 * lines and label sets must be equal, in the same order, and so must every value that does not
 * depend on time, memory or the process's limits; the response heads, the chunk sizes of a
 * scoped scrape, the 400 of a bad scope and the log line too.
 */
class PrometheusExporterIT {
    /** Values that depend on when, in which process and with which limits the scrape ran. */
    private static final Set<String> VOLATILE = Set.of("haproxy_process_nbthread", "haproxy_process_uptime_seconds",
            "haproxy_process_max_fds", "haproxy_process_max_sockets", "haproxy_process_hard_max_connections",
            "haproxy_process_current_connection_rate", "haproxy_process_max_connection_rate",
            "haproxy_process_current_session_rate", "haproxy_process_max_session_rate", "haproxy_process_current_tasks",
            "haproxy_process_current_run_queue", "haproxy_process_idle_time_percent", "haproxy_process_jobs",
            "haproxy_process_bytes_out_total", "haproxy_process_bytes_out_rate", "haproxy_process_pool_allocated_bytes",
            "haproxy_process_pool_used_bytes", "haproxy_process_start_time_seconds", "haproxy_process_max_memory_bytes",
            "haproxy_process_connections_total", "haproxy_process_requests_total", "haproxy_process_current_connections",
            "haproxy_process_listeners",
            "haproxy_frontend_max_session_rate", "haproxy_frontend_http_requests_rate_max", "haproxy_frontend_max_sessions",
            "haproxy_frontend_connections_rate_max", "haproxy_backend_max_session_rate",
            "haproxy_server_max_session_rate", "haproxy_backend_check_last_change_seconds",
            "haproxy_server_check_last_change_seconds", "haproxy_backend_last_session_seconds",
            "haproxy_server_last_session_seconds", "haproxy_backend_max_sessions", "haproxy_server_max_sessions",
            "haproxy_server_need_connections_current", "haproxy_server_idle_connections_current",
            "haproxy_server_unsafe_idle_connections_current");
    /** A sample line: its name, its labels and its value. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-z_]+)(\\{[^}]*\\})? (\\S+)$");

    private static String config(int prom, int fe, int tcp, int server) {
        return """
                global
                    maxconn 1000
                    log stdout format raw local0
                defaults
                    mode http
                    log global
                    option httplog
                    timeout connect 5s
                    timeout client 30s
                    timeout server 30s
                frontend prom
                    bind 127.0.0.1:%d
                    http-request use-service prometheus-exporter if { path /metrics }
                frontend fe
                    bind 127.0.0.1:%d
                    default_backend b
                backend b
                    server s1 127.0.0.1:%d
                    server s2 127.0.0.1:%d backup
                listen tcpl
                    mode tcp
                    bind 127.0.0.1:%d
                    server t1 127.0.0.1:%d
                """.formatted(prom, fe, server, server, tcp, server);
    }

    /** What one program answered. */
    private record Answers(String full, String scoped, String head, String bad, String empty, String http10,
                           List<String> log) {
    }

    private static Answers scenario(Path program, TestBackend backend) throws Exception {
        int prom = RunningProxy.freePort();
        int fe = RunningProxy.freePort();
        int tcp = RunningProxy.freePort();
        try (RunningProxy p = RunningProxy.start(program, config(prom, fe, tcp, backend.port()), "-db")) {
            // no probe connection waits for the ports (each would count): the first requests are retried until bound
            for (int i = 0; i < 3; i++) {
                String r = RawHttp.exchangeOnceBound(fe, "GET /x HTTP/1.1\r\nHost: a\r\n\r\n", Duration.ofSeconds(30));
                assertTrue(r.startsWith("HTTP/1.1 200"), r);
            }
            String full = RawHttp.exchangeOnceBound(prom, "GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n", Duration.ofSeconds(30));
            String scoped = RawHttp.exchange(prom, "GET /metrics?scope=backend&scope=server HTTP/1.1\r\nHost: a\r\n\r\n");
            String head = RawHttp.exchange(prom, "HEAD /metrics HTTP/1.1\r\nHost: a\r\n\r\n");
            String bad = RawHttp.exchange(prom, "GET /metrics?scope=bogus HTTP/1.1\r\nHost: a\r\n\r\n");
            String empty = RawHttp.exchange(prom, "GET /metrics?scope= HTTP/1.1\r\nHost: a\r\n\r\n");
            String http10 = RawHttp.exchange(prom, "GET /metrics?scope=frontend HTTP/1.0\r\n\r\n");
            RunningProxy.within(java.time.Duration.ofSeconds(10), () -> promexLog(p.output()).size() >= 6);
            return new Answers(full, scoped, head, bad, empty, http10, promexLog(p.output()));
        }
    }

    @Test
    void metricsMatchHaproxy() throws Exception {
        try (TestBackend backend = new TestBackend(TestBackend.OK)) {
            Answers jh = scenario(RunningProxy.jhaproxy(), backend);
            String body = dechunk(jh.full());
            assertTrue(jh.full().startsWith("HTTP/1.1 200 OK\r\ncache-control: no-cache\r\n"
                    + "content-type: text/plain; version=0.0.4\r\ntransfer-encoding: chunked\r\n\r\n"), jh.full());
            assertEquals(6, jh.log().size(), "a log line per scrape: " + jh.log());
            assertTrue(jh.log().get(0).startsWith("prom prom/<PROMEX> T 200 B - - LR-- "), jh.log().get(0));
            Map<String, String> values = values(body);
            assertEquals("3", values.get("haproxy_frontend_http_requests_total{proxy=\"fe\"}"));
            assertEquals("3", values.get("haproxy_backend_http_responses_total{proxy=\"b\",code=\"2xx\"}"));
            assertEquals("1", values.get("haproxy_server_status{proxy=\"b\",server=\"s1\",state=\"UP\"}"));
            assertEquals("2", values.get("haproxy_backend_agg_server_status{proxy=\"b\",state=\"UP\"}"));
            assertEquals("1", values.get("haproxy_frontend_intercepted_requests_total{proxy=\"prom\"}"));
            assertTrue(!values.containsKey("haproxy_frontend_http_requests_total{proxy=\"tcpl\"}"), "no HTTP metric for a TCP proxy");
            assertEquals("HTTP/1.1 200 OK\r\ncache-control: no-cache\r\ncontent-type: text/plain; version=0.0.4\r\n"
                    + "transfer-encoding: chunked\r\n\r\n0\r\n\r\n", jh.empty());
            Path haproxy = haproxy();
            if (haproxy == null) {
                System.out.println("PrometheusExporterIT: haproxy not installed, the metrics are not compared with it");
                return;
            }
            Answers ha = scenario(haproxy, backend);
            String expected = dechunk(ha.full());
            assertEquals(shape(expected), shape(body), "the metric names, help, types and labels, in order");
            List<String> differ = new ArrayList<>();
            Map<String, String> want = values(expected);
            for (Map.Entry<String, String> e : want.entrySet()) {
                String name = e.getKey().replaceAll("\\{.*", "");
                boolean ownStream = e.getKey().contains("proxy=\"prom\"") && (name.contains("bytes_") || name.contains("current_sessions"));
                if (VOLATILE.contains(name) || ownStream || name.endsWith("time_average_seconds") || name.contains("_max_") && name.endsWith("time_seconds")) {
                    continue;
                }
                if (!e.getValue().equals(values.get(e.getKey()))) {
                    differ.add(e.getKey() + ": haproxy " + e.getValue() + ", jhaproxy " + values.get(e.getKey()));
                }
            }
            assertEquals(List.of(), differ, "values that differ");
            assertEquals(head(ha.full()), head(jh.full()), "the response head");
            assertEquals(chunkSizes(ha.scoped()), chunkSizes(jh.scoped()), "the chunks of a scoped scrape");
            assertEquals(List.of(), lineDiff(untimed(dechunk(ha.scoped())), untimed(dechunk(jh.scoped()))),
                    "the scoped scrape, timing aside");
            assertEquals(ha.head(), jh.head(), "HEAD: the head alone");
            assertEquals(ha.bad(), jh.bad(), "a bad scope: haproxy's 400");
            assertEquals(ha.empty(), jh.empty(), "an empty scope: no metric");
            assertEquals(head(ha.http10()), head(jh.http10()), "HTTP/1.0: the head with connection: close");
            // the line of a stream that closes its connection (the 400) may come after the next
            // connection's in haproxy: the lines are compared as a set, not in order
            assertEquals(ha.log().stream().sorted().toList(), jh.log().stream().sorted().toList(), "the log lines of the scrapes");
        }
    }

    /**
     * The log lines of the exporter's requests ("prom prom/<PROMEX>"), without the client, the
     * date and the timers, and without the byte counts of the scrapes whose values vary.
     */
    private static List<String> promexLog(String output) {
        List<String> out = new ArrayList<>();
        for (String l : output.split("\n")) {
            if (l.contains("/<PROMEX>")) {
                String n = l.replaceAll("^\\S+ \\[[^]]*\\] ", "").replaceAll(" -?\\d+/-?\\d+/-?\\d+/-?\\d+/\\d+ ", " T ");
                out.add(n.contains(" 200 ") && !n.contains("scope= ") ? n.replaceAll(" 200 \\d+ ", " 200 B ") : n);
            }
        }
        return out;
    }

    /** The scrape with the values that depend on timing replaced by T. */
    private static List<String> untimed(String body) {
        List<String> out = new ArrayList<>();
        for (String l : body.split("\n")) {
            Matcher m = SAMPLE.matcher(l);
            out.add(m.matches() && VOLATILE.contains(m.group(1)) || l.contains("time_seconds{") || l.contains("time_average_seconds{") ? l.replaceAll(" \\S+$", " T") : l);
        }
        return out;
    }

    /** The lines that differ, with their number. */
    private static List<String> lineDiff(List<String> expected, List<String> actual) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "<none>";
            String a = i < actual.size() ? actual.get(i) : "<none>";
            if (!e.equals(a)) {
                out.add((i + 1) + ": haproxy " + e + " | jhaproxy " + a);
            }
        }
        return out;
    }

    /** The body without sample values: the HELP and TYPE lines, and each sample's name and labels. */
    private static List<String> shape(String body) {
        List<String> out = new ArrayList<>();
        for (String l : body.split("\n")) {
            Matcher m = SAMPLE.matcher(l);
            out.add(l.startsWith("#") ? l : m.matches() ? (m.group(1) + (m.group(2) == null ? "" : m.group(2)))
                    .replaceAll("version=\"[^\"]*\"", "version=V") : "?" + l);
        }
        return out;
    }

    private static Map<String, String> values(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : body.split("\n")) {
            Matcher m = SAMPLE.matcher(l);
            if (!l.startsWith("#") && m.matches()) {
                out.put(m.group(1) + (m.group(2) == null ? "" : m.group(2)).replaceAll("version=\"[^\"]*\"", "version=V"),
                        m.group(3));
            }
        }
        return out;
    }

    private static String head(String response) {
        return response.substring(0, response.indexOf("\r\n\r\n") + 4);
    }

    private static List<Integer> chunkSizes(String response) {
        List<Integer> sizes = new ArrayList<>();
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
            sizes.add(size);
            if (size == 0) {
                break;
            }
            i = eol + 2 + size + 2;
        }
        return sizes;
    }

    /** The data of a chunked response's body. */
    private static String dechunk(String response) {
        return RawHttp.dechunk(response.substring(response.indexOf("\r\n\r\n") + 4));
    }

    private static Path haproxy() {
        for (String dir : List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin")) {
            Path p = Path.of(dir, "haproxy");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
