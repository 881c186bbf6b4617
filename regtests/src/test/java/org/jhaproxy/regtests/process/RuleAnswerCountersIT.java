package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the stats count of a request a rule answered (deny, return, redirect) instead of a
 * server, compared with haproxy: the frontend's request and answer bytes (bin, bout) and its
 * "intercepted" for a return or a redirect of its own rules; a backend whose own rules answered
 * counts the stream (stot), the request (req_tot), the status and the bytes; a "listen"'s
 * backend side counts the bytes of its frontend rules' answers; a backend's stats page counts as
 * its rules' answers do. The log lines name the backend. A request no server took (no backend,
 * a refused connection) counts its bytes too, on the server it was given as well, whose stot
 * counts each connection attempt.
 */
class RuleAnswerCountersIT {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final List<String> COLUMNS = List.of("stot", "scur", "bin", "bout", "req_tot", "hrsp_2xx", "hrsp_3xx",
            "hrsp_4xx", "hrsp_5xx", "dreq", "intercepted", "econ", "wretr");

    @Test
    void ruleAnswersAreCountedAsHaproxyCountsThem() throws Exception {
        List<String> ours = null;
        for (Path program : ProcessModeIT.programs()) {
            List<String> got = run(program);
            if (ours == null) {
                ours = got;
                assertTrue(got.contains("bret/BACKEND stot=1 scur=0 bin=42 bout=73 req_tot=1 hrsp_2xx=1 hrsp_3xx=0 hrsp_4xx=0"
                        + " hrsp_5xx=0 dreq=0 intercepted= econ=0 wretr=0"), got.toString());
            } else {
                assertEquals(got, ours, "jhaproxy against " + program);
            }
        }
    }

    private static List<String> run(Path program) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path sock = dir.resolve("s.sock");
        int fe = RunningProxy.freePort();
        int li = RunningProxy.freePort();
        int closed = RunningProxy.freePort();
        try {
            String cfg = "global\n    stats socket " + sock + " level admin\n"
                    + "defaults\n    mode http\n    log stdout format raw local0\n    option httplog\n"
                    + "    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                    + "frontend fe\n    bind 127.0.0.1:" + fe + "\n"
                    + "    http-request deny if { path /deny }\n"
                    + "    http-request return status 200 content-type text/plain string ok if { path /return }\n"
                    + "    http-request redirect location /x if { path /redir }\n"
                    + "    use_backend %[path,field(2,/)]\n"
                    + "backend bret\n    http-request return status 200 content-type text/plain string ok\n"
                    + "    server s 127.0.0.1:" + closed + "\n"
                    + "backend bst\n    stats enable\n    stats uri /bst\n    server s 127.0.0.1:" + closed + "\n"
                    + "backend refused\n    server s 127.0.0.1:" + closed + "\n"
                    + "backend bdeny\n    http-request deny\n    server s 127.0.0.1:" + closed + "\n"
                    + "listen li\n    bind 127.0.0.1:" + li + "\n    http-request deny if { path /deny }\n"
                    + "    server s 127.0.0.1:" + closed + "\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(fe).listening(li)) {
                List<String> got = new ArrayList<>();
                for (String path : List.of("/deny", "/return", "/redir", "/bret", "/bdeny", "/bst", "/nothere", "/refused")) {
                    // the last connection (or the probes of the ports) is gone: each log line counts one
                    StatsCli.awaitNoConnections(sock, "fe");
                    StatsCli.awaitNoConnections(sock, "li");
                    got.add(path + ": " + statusLine(fe, path));
                }
                StatsCli.awaitNoConnections(sock, "fe");
                StatsCli.awaitNoConnections(sock, "li");
                got.add("li /deny: " + statusLine(li, "/deny"));
                List<String> lines = new ArrayList<>();
                assertTrue(RunningProxy.within(DEADLINE, () -> {
                    lines.clear();
                    for (String l : p.output().split("\n")) {
                        if (l.contains("\"GET /") && !l.contains("<STATS>")) { // a page's size and times vary
                            // without the client's address, the date and the durations
                            String[] w = l.replaceFirst("^\\S+ \\[[^]]+\\] ", "").split(" ", -1);
                            w[2] = w[2].replaceAll("(?<![-\\d])\\d+", "n"); // which timers were set
                            lines.add(String.join(" ", w));
                        }
                    }
                    return lines.size() == 8;
                }), program + ": " + p.output());
                got.addAll(lines);
                got.addAll(counters(sock));
                return got;
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    private static String statusLine(int port, String path) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), port)) {
            c.setSoTimeout((int) DEADLINE.toMillis());
            c.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nhost: a\r\nconnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String rsp = new String(c.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return rsp.contains("\r\n") ? rsp.substring(0, rsp.indexOf("\r\n")) : rsp;
        }
    }

    private static List<String> counters(Path sock) {
        String[] lines = StatsCli.ask(sock, "show stat\n").split("\n");
        List<String> head = List.of(lines[0].substring(2).split(","));
        List<String> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length < head.size()) {
                continue;
            }
            StringBuilder b = new StringBuilder(f[0] + "/" + f[1]);
            for (String col : COLUMNS) {
                // the size of a stats page depends on the numbers it shows
                boolean page = col.equals("bout") && (f[0].equals("bst") || f[0].equals("fe"));
                b.append(' ').append(col).append('=').append(page ? "N" : f[head.indexOf(col)]);
            }
            out.add(b.toString());
        }
        return out;
    }
}
