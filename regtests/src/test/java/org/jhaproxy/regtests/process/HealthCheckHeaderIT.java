package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "http-check expect hdr" and "http-check send-state" (configuration.txt 4 "http-check
 * expect", "http-check send-state"): a header rule failing reports "Layer7 wrong status" with
 * the response's reason; "-m beg/sub/reg" and "!" match as haproxy's do; the check request
 * carries the server's state ("UP 1/2; address=...; weight=1/1; ...") while it changes. The
 * same scenario runs through haproxy where it is installed and must give the same lines and
 * the same state headers.
 */
class HealthCheckHeaderIT {
    private static final String W = "[WARNING]  (PID) : ";
    private static final String TAIL = ", check duration: Nms. 0 active and 0 backup servers left. "
            + "0 sessions active, 0 requeued, 0 remaining in queue.";
    private static final List<String> EXPECTED = List.of(
            W + "Server b1/s1 is DOWN, reason: Layer7 wrong status, code: 200, info: \"OK\"" + TAIL,
            W + "Server b3/s3 is DOWN, reason: Layer7 wrong status, code: 200, info: \"OK\"" + TAIL,
            W + "Server b4/s4 is DOWN, reason: Layer7 wrong status, code: 200, info: \"OK\"" + TAIL,
            "x-haproxy-server-state: UP 1/2; address=127.0.0.1; port=P; name=b1/s1; node=N; weight=1/1; scur=0/0; qcur=0",
            "x-haproxy-server-state: DOWN; address=127.0.0.1; port=P; name=b1/s1; node=N; weight=1/0; scur=0/0; qcur=0");

    static String config(int port, int b1, int b2, int b3, int b4) {
        return "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "    timeout check 2s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n    default_backend b1\n\n"
                + "backend b1\n    option httpchk GET /h HTTP/1.1\n    http-check send-state\n"
                + "    http-check expect hdr name x-foo value bar\n"
                + "    server s1 127.0.0.1:" + b1 + " check inter 100ms rise 2 fall 2\n\n"
                + "backend b2\n    option httpchk\n    http-check expect hdr name -m beg X-FO value -m sub ba\n"
                + "    server s2 127.0.0.1:" + b2 + " check inter 100ms rise 1 fall 1\n\n"
                + "backend b3\n    option httpchk\n    http-check expect hdr name x-foo\n"
                + "    server s3 127.0.0.1:" + b3 + " check inter 100ms rise 1 fall 1\n\n"
                + "backend b4\n    option httpchk\n    http-check expect ! hdr name -m reg ^x-f value -m reg ^b.r$\n"
                + "    server s4 127.0.0.1:" + b4 + " check inter 100ms rise 1 fall 1\n";
    }

    @Test
    void jhaproxyMatchesHeadersAndSendsTheState() throws Exception {
        assertEquals(EXPECTED, scenario(RunningProxy.jhaproxy()));
    }

    @Test
    void haproxyDoesTheSame() throws Exception {
        ProxyPair.onHaproxy("HealthCheckHeaderIT", haproxy -> assertEquals(EXPECTED, scenario(haproxy)));
    }

    private static TestBackend.Behaviour answer(String header, List<String> heads) {
        return (head, out) -> {
            heads.add(head);
            out.write(("HTTP/1.1 200 OK\r\n" + header + "\r\ncontent-length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return false;
        };
    }

    private List<String> scenario(Path program) throws Exception {
        List<String> heads = Collections.synchronizedList(new ArrayList<>());
        try (TestBackend b1 = new TestBackend(answer("x-foo: baz", heads));
             TestBackend b2 = new TestBackend(answer("x-foo: bar, baz", new ArrayList<>()));
             TestBackend b3 = new TestBackend(answer("x-bar: baz", new ArrayList<>()));
             TestBackend b4 = new TestBackend(answer("X-Foo: bar", new ArrayList<>()))) {
            int port = RunningProxy.freePort();
            String cfg = config(port, b1.port(), b2.port(), b3.port(), b4.port());
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(port)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(15), () -> HealthCheckIT.transitions(p.output()).stream()
                        .filter(l -> l.contains(" is DOWN")).count() >= 3 && heads.size() >= 2), p.output());
                List<String> out = new ArrayList<>();
                for (String l : HealthCheckIT.transitions(p.output())) {
                    if (l.contains(" is ")) {
                        out.add(l);
                    }
                }
                Collections.sort(out);
                for (String h : heads.subList(0, 2)) {
                    for (String l : h.split("\r\n")) {
                        if (l.toLowerCase().startsWith("x-haproxy-server-state")) {
                            out.add(l.replaceFirst("port=\\d+", "port=P").replaceFirst("node=[^;]*", "node=N"));
                        }
                    }
                }
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
                return out;
            }
        }
    }
}
