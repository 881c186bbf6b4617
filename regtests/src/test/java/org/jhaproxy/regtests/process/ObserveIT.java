package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "observe layer7|layer4" with "error-limit" and "on-error" (haproxy's health_adjust()): two 503
 * responses in a row take a server down at once ("mark-down"), reason "Health analyze", and its
 * check, passing, brings it back at "fastinter"; two failed connections to a server whose check
 * passes (on another port) leave it one failed check away from going down ("sudden-death").
 * The transitions, the check columns and "hanafail" of "show stat" are compared with haproxy's.
 */
class ObserveIT {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    @Test
    void jhaproxy() throws Exception {
        Result ours = run(RunningProxy.jhaproxy());
        if (Files.isExecutable(HAPROXY)) {
            assertEquals(run(HAPROXY), ours);
        } else {
            System.out.println("ObserveIT: " + HAPROXY + " is not installed, jhaproxy alone is checked");
        }
        assertTrue(ours.transitions().get(0).contains("reason: Health analyze, info: \"Detected 2 consecutive errors, "
                + "last one was: Wrong http response\""), ours.transitions().toString());
    }

    record Result(List<String> transitions, List<String> rows) {
    }

    private static String config(Path sock, int fe, int web, int closed) {
        return "global\n    stats socket " + sock + " mode 600 level admin\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    use_backend be4 if { path_beg /l4 }\n"
                + "    default_backend be\n"
                + "backend be\n    option httpchk GET /health\n    timeout check 2s\n"
                + "    server s1 127.0.0.1:" + web + " check inter 5s fastinter 200ms observe layer7 error-limit 2"
                + " on-error mark-down\n"
                + "backend be4\n    retries 1\n"
                + "    server s4 127.0.0.1:" + closed + " check port " + web + " inter 10s observe layer4"
                + " error-limit 2 on-error sudden-death\n";
    }

    private static Result run(Path program) throws Exception {
        Path sock = Files.createTempDirectory("observe").resolve("admin.sock");
        try (TestBackend web = new TestBackend(ObserveIT::answer)) {
            int fe = RunningProxy.freePort();
            int closed = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(program, config(sock, fe, web.port(), closed), "-db")) {
                p.listening(fe);
                List<String> rows = new ArrayList<>();
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> checked(StatsCheckFieldsIT.read(sock, rows))),
                        "the checks never passed: " + rows);
                assertEquals("503", get(fe, "/x"));
                assertEquals("503", get(fe, "/x"));
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> p.output().contains("be/s1 is UP")),
                        "s1 never went down and up again:\n" + p.output());
                assertEquals("503", get(fe, "/l4"));
                assertTrue(RunningProxy.within(Duration.ofSeconds(10),
                        () -> StatsCheckFieldsIT.read(sock, rows).stream().anyMatch(r -> r.startsWith("be4,s4,status=UP 1/3,"))),
                        "s4's failed connections never failed a check: " + rows);
                // whether the stream whose response ends the count is still on the server when it
                // goes down races with the server's close, in haproxy too: "N sessions active"
                List<String> transitions = HealthCheckIT.transitions(p.output()).stream()
                        .map(l -> l.replaceAll("\\d+ sessions active", "N sessions active")).toList();
                return new Result(transitions, List.copyOf(rows));
            }
        }
    }

    private static boolean checked(List<String> rows) {
        return rows.stream().anyMatch(r -> r.startsWith("be,s1,") && r.contains("check_status=L7OK,"))
                && rows.stream().anyMatch(r -> r.startsWith("be4,s4,") && r.contains("check_status=L4OK,"));
    }

    /** 200 to the check, 503 to anything else; the connection closes after the response. */
    private static boolean answer(String head, OutputStream out) throws IOException {
        String rsp = head.startsWith("GET /health") ? "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                : "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        out.write(rsp.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return false;
    }

    /** One request on its own connection; the status code of the response. */
    private static String get(int port, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String rsp = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return rsp.length() >= 12 ? rsp.substring(9, 12) : rsp;
        }
    }
}
