package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An HTTP frontend whose dynamic "use_backend" (a log-format, a map) names a "mode tcp" backend:
 * haproxy's stream_set_backend() refuses it, the client connection is closed without a byte, the
 * line logs status 500, no byte and "IR" with the backend named, and the backend counts the
 * connection but never gives it back (its scur stays), while the server sees nothing. Compared
 * with haproxy: what the client gets (on a new connection and after a kept-alive request), the
 * log lines, and the counters of the stats.
 */
class IncompatibleBackendIT {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Test
    void aTcpBackendNamedAtRuntimeEndsTheStreamAsHaproxyDoes() throws Exception {
        List<String> ours = null;
        for (Path program : ProcessModeIT.programs()) {
            List<String> got = run(program);
            if (ours == null) {
                ours = got;
                assertTrue(got.contains("client: <close>"), got.toString());
            } else {
                assertEquals(got, ours, "jhaproxy against " + program);
            }
        }
    }

    private static List<String> run(Path program) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path sock = dir.resolve("s.sock");
        int fe = RunningProxy.freePort();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            answer(server);
            Path map = dir.resolve("be.map");
            java.nio.file.Files.writeString(map, "/mapped tb\n/web hb\n");
            String cfg = "global\n    stats socket " + sock + " level admin\n"
                    + "defaults\n    log stdout format raw local0\n    timeout connect 1s\n    timeout client 5s\n"
                    + "    timeout server 5s\n"
                    + "frontend fe\n    mode http\n    option httplog\n    bind 127.0.0.1:" + fe + "\n"
                    + "    use_backend %[path,map(" + map + ")] if { path /mapped } || { path /web }\n"
                    + "    use_backend %[path,field(2,/)]\n"
                    + "backend tb\n    mode tcp\n    server s 127.0.0.1:" + server.getLocalPort() + "\n"
                    + "backend hb\n    mode http\n"
                    + "    server s 127.0.0.1:" + server.getLocalPort() + "\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(fe)) {
                List<String> got = new ArrayList<>();
                StatsCli.awaitNoConnections(sock, "fe"); // the probe of the port is gone
                got.add("client: " + exchange(fe, "GET /tb HTTP/1.1\r\nhost: a\r\n\r\n"));
                StatsCli.awaitNoConnections(sock, "fe");
                got.add("client: " + exchange(fe, "GET /mapped HTTP/1.1\r\nhost: a\r\n\r\n"));
                StatsCli.awaitNoConnections(sock, "fe");
                // a kept-alive connection: the first response, then the close
                got.add("client: " + exchange(fe, "GET /web HTTP/1.1\r\nhost: a\r\n\r\nGET /tb HTTP/1.1\r\nhost: a\r\n\r\n"));
                List<String> lines = new ArrayList<>();
                boolean logged = RunningProxy.within(DEADLINE, () -> {
                    lines.clear();
                    lines.addAll(logLines(p.output()));
                    return lines.size() >= 4;
                });
                assertTrue(logged, program + ": " + p.output());
                got.addAll(lines);
                got.addAll(counters(sock));
                return got;
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    /** The server of "hb": a small response to each request, then the close ("tb"'s never get one). */
    private static void answer(ServerSocket server) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket c = server.accept()) {
                    java.io.InputStream in = c.getInputStream();
                    StringBuilder head = new StringBuilder();
                    int b;
                    while (head.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0) {
                        head.append((char) b);
                    }
                    c.getOutputStream().write("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closed) {
                    // the test is over
                }
            }
        }, "incompatible-backend-server");
        t.setDaemon(true);
        t.start();
    }

    /** What the client reads until the proxy closes, "<close>" marking the close. */
    private static String exchange(int fe, String request) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), fe)) {
            c.setSoTimeout((int) DEADLINE.toMillis());
            c.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(c.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1) + "<close>";
        }
    }

    /** The log lines without the client's address, the date and the durations of the timers. */
    private static List<String> logLines(String output) {
        List<String> out = new ArrayList<>();
        for (String l : output.split("\n")) {
            if (l.contains(" fe ") && !l.contains("<BADREQ>")) { // not the probe of the port, whose close races
                String[] w = l.replaceFirst("^\\S+ \\[[^]]+\\] ", "").split(" ", -1);
                // the timers: which were set, not how long they were
                w[2] = w[2].replaceAll("(?<![-\\d])\\d+", "n");
                out.add(String.join(" ", w));
            }
        }
        return out;
    }

    /** The counters the refusal moves, per row of the frontend and the two backends. */
    private static List<String> counters(Path sock) {
        String[] lines = StatsCli.ask(sock, "show stat\n").split("\n");
        List<String> head = List.of(lines[0].substring(2).split(","));
        Map<String, String> rows = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length < head.size()) {
                continue;
            }
            StringBuilder b = new StringBuilder();
            for (String col : List.of("scur", "smax", "stot", "bin", "bout", "hrsp_5xx", "req_tot", "eresp", "lbtot", "eint")) {
                b.append(' ').append(col).append('=').append(f[head.indexOf(col)]);
            }
            rows.put(f[0] + "/" + f[1], b.toString());
        }
        List<String> out = new ArrayList<>();
        rows.forEach((n, v) -> out.add(n + v));
        return out;
    }
}
