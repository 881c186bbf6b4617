package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "http-check connect" and "tcp-check connect" with "port", "addr", "send-proxy", "linger" and
 * "comment" (configuration.txt 4), "set-var(check.x)" / "unset-var" read by "http-check send
 * hdr" and "tcp-check send-lf": the bytes each checked server receives, and how the check
 * closes (a reset, or a clean close with "linger"), must be haproxy's. A second request of an
 * http-check ruleset does not inherit "option httpchk"'s. The same scenario runs through haproxy
 * where it is installed.
 */
class CheckConnectIT {
    private static final List<String> EXPECTED = List.of(
            "http: OPTIONS /b HTTP/1.0\\r\\n\\r\\n RST",
            "http: PROXY TCP4 127.0.0.1 127.0.0.1 SPORT PORT\\r\\nPOST /a HTTP/1.1\\r\\nx-var: hello\\r\\ncontent-length: 3\\r\\n"
                    + "connection: close\\r\\n\\r\\nabc FIN",
            "tcp: PING x\\r\\n RST",
            "tcp: []\\n FIN",
            "UP lines: 2");

    static String config(int port, int http, int tcp, int closed) {
        String srv = " check inter 300ms rise 1 fall 1\n";
        return "defaults\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n    timeout check 1s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n    default_backend h5\n\n"
                + "backend h5\n    option httpchk GET /opt HTTP/1.1\n    http-check set-var(check.x) str(hello)\n"
                + "    http-check connect port " + http + " send-proxy linger comment c1\n"
                + "    http-check send meth POST uri /a ver HTTP/1.1 hdr X-Var %[var(check.x)] hdr X-Empty %[var(check.none)]"
                + " body abc\n    http-check expect status 200\n"
                + "    http-check connect addr 127.0.0.1 port " + http + "\n    http-check send uri /b\n"
                + "    server s 127.0.0.1:" + closed + srv + "\n"
                + "backend t5\n    option tcp-check\n    tcp-check set-var(check.y) str(PING)\n"
                + "    tcp-check connect port " + tcp + "\n    tcp-check send-lf \"%[var(check.y)] x\\r\\n\"\n"
                + "    tcp-check expect string +OK\n    tcp-check unset-var(check.y)\n"
                + "    tcp-check connect port " + tcp + " linger\n    tcp-check send-lf \"[%[var(check.y)]]\\n\"\n"
                + "    tcp-check expect string +OK\n    server s 127.0.0.1:" + closed + srv;
    }

    @Test
    void jhaproxySendsWhatTheRulesSay() throws Exception {
        assertEquals(EXPECTED, scenario(RunningProxy.jhaproxy()));
    }

    @Test
    void haproxyDoesTheSame() throws Exception {
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy == null) {
            System.out.println("CheckConnectIT: haproxy is not installed, the differential run is skipped");
            return;
        }
        assertEquals(EXPECTED, scenario(haproxy));
    }

    private List<String> scenario(Path program) throws Exception {
        try (RawCheckBackend http = new RawCheckBackend("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
             RawCheckBackend tcp = new RawCheckBackend("+OK\r\n")) {
            int port = RunningProxy.freePort();
            int closed = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(program, config(port, http.port(), tcp.port(), closed), "-db").listening(port)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> http.seen().size() >= 2 && tcp.seen().size() >= 2),
                        p.output() + http.seen() + tcp.seen());
                List<String> out = new ArrayList<>();
                for (String s : http.seen().subList(0, 2)) {
                    out.add("http: " + s.replace(" " + http.port() + "\\r\\n", " PORT\\r\\n"));
                }
                for (String s : tcp.seen().subList(0, 2)) {
                    out.add("tcp: " + s);
                }
                out.sort(null);
                // both servers stay up: no transition is logged at all
                out.add("UP lines: " + (2 - HealthCheckIT.transitions(p.output()).size()));
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
                return out;
            }
        }
    }
}
