package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "observe layer7 ... on-error mark-down" for each way a response fails (haproxy's health_adjust()
 * from http_wait_for_response()): a silent server ("Read timeout (http)", the 504), one closing
 * ("Close from server (http)"), one answering an invalid head ("Invalid http response
 * (headers)") and one resetting its connection ("Read error (http)"), each the only server of a
 * backend with "error-limit 1". Compared with haproxy: what the client gets, the transitions
 * logged (with the sessions still on the server: a closed or timed-out server connection has
 * left it, an invalid response's not yet), the check columns of "show stat" and "show servers
 * state".
 */
class ObserveErrorsIT {
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final List<String> FAILURES = List.of("timeout", "close", "invalid", "reset");

    @Test
    void eachFailedResponseNamesItsErrorAsHaproxyDoes() throws Exception {
        List<String> ours = null;
        for (Path program : ProcessModeIT.programs()) {
            List<String> got = run(program);
            if (ours == null) {
                ours = got;
                assertTrue(got.stream().anyMatch(l -> l.contains("last one was: Read error (http)")), got.toString());
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
            serve(server);
            StringBuilder cfg = new StringBuilder("global\n    stats socket " + sock + " level admin\n"
                    + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 1s\n"
                    + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    use_backend %[path,field(2,/)]\n");
            for (String name : FAILURES) {
                cfg.append("backend ").append(name).append("\n    option httpchk GET /health\n")
                        .append("    server s 127.0.0.1:").append(server.getLocalPort())
                        .append(" check inter 10s observe layer7 error-limit 1 on-error mark-down\n");
            }
            try (RunningProxy p = RunningProxy.start(program, cfg.toString(), "-db").listening(fe)) {
                List<String> rows = new ArrayList<>();
                assertTrue(RunningProxy.within(DEADLINE, () -> StatsCheckFieldsIT.read(sock, rows).stream()
                        .filter(r -> r.contains("check_status=L7OK,")).count() == FAILURES.size()),
                        program + ": the checks never passed: " + rows);
                List<String> got = new ArrayList<>();
                for (String name : FAILURES) {
                    got.add(name + ": " + statusLine(fe, name));
                }
                assertTrue(RunningProxy.within(DEADLINE, () -> HealthCheckIT.transitions(p.output()).size() == 2 * FAILURES.size()),
                        program + ": " + p.output());
                got.addAll(HealthCheckIT.transitions(p.output()));
                got.addAll(StatsCheckFieldsIT.read(sock, rows));
                String port = String.valueOf(server.getLocalPort());
                for (String l : StatsCli.ask(sock, "show servers state\n").split("\n")) {
                    String[] f = l.split(" ");
                    if (f.length > 10 && FAILURES.contains(f[1])) {
                        f[9] = "T"; // srv_time_since_last_change
                        got.add(String.join(" ", f).replace(port, "PORT"));
                    }
                }
                return got;
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    private static String statusLine(int fe, String name) throws IOException {
        try (Socket c = new Socket(InetAddress.getLoopbackAddress(), fe)) {
            c.setSoTimeout((int) DEADLINE.toMillis());
            c.getOutputStream().write(("GET /" + name + " HTTP/1.1\r\nhost: a\r\nconnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String rsp = new String(c.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return rsp.contains("\r\n") ? rsp.substring(0, rsp.indexOf("\r\n")) : rsp;
        }
    }

    /** 200 to the checks; to a request, the failure its path names. */
    private static void serve(ServerSocket server) {
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket c = server.accept();
                    Thread h = new Thread(() -> answer(c), "observe-errors-server");
                    h.setDaemon(true);
                    h.start();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "observe-errors-accept");
        t.setDaemon(true);
        t.start();
    }

    private static void answer(Socket c) {
        try (c) {
            InputStream in = c.getInputStream();
            StringBuilder head = new StringBuilder();
            int b;
            while (head.indexOf("\r\n\r\n") < 0 && (b = in.read()) >= 0) {
                head.append((char) b);
            }
            String h = head.toString();
            if (h.startsWith("GET /health")) {
                c.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            } else if (h.startsWith("GET /timeout")) {
                while (in.read() >= 0) {
                    // silent until the proxy gives up
                }
            } else if (h.startsWith("GET /invalid")) {
                c.getOutputStream().write("HTTP/1.1 abc\r\nfoo\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else if (h.startsWith("GET /reset")) {
                c.setSoLinger(true, 0);
            }
            // "close": closed at once
        } catch (IOException gone) {
            // the proxy closed or reset the connection
        }
    }
}
