package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A server going DOWN while streams wait in its queue ("maxconn" reached): with "option
 * redispatch" they go back to the balancer and another server serves them; the DOWN message
 * counts them as "requeued" (configuration.txt 4 "option redispatch"; haproxy's
 * pendconn_redistribute()). The same scenario runs through haproxy where it is installed.
 */
class HealthCheckRequeueIT {
    private static final String DOWN = "[WARNING]  (PID) : Server bq/s1 is DOWN, reason: Layer7 wrong status, code: 500, "
            + "info: \"Internal Server Error\", check duration: Nms. 1 active and 0 backup servers left. "
            + "1 sessions active, 1 requeued, 0 remaining in queue.";

    static String config(int port, int s1, int s2) {
        return "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n    default_backend bq\n\n"
                + "backend bq\n    balance uri\n    option redispatch\n    option httpchk GET /health\n"
                + "    default-server check inter 200ms rise 1 fall 1 maxconn 1\n"
                + "    server s1 127.0.0.1:" + s1 + "\n    server s2 127.0.0.1:" + s2 + "\n";
    }

    @Test
    void jhaproxyRequeuesTheStreamsWaitingForADownServer() throws Exception {
        assertEquals(List.of(DOWN, "s2", "s1"), scenario(RunningProxy.jhaproxy()));
    }

    @Test
    void haproxyDoesTheSame() throws Exception {
        ProxyPair.onHaproxy("HealthCheckRequeueIT", haproxy -> assertEquals(List.of(DOWN, "s2", "s1"), scenario(haproxy)));
    }

    /**
     * A request held by s1 fills its only slot; a second one for the same uri waits in s1's
     * queue; s1's check then fails: the waiting request is served by s2, the held one by s1.
     */
    private List<String> scenario(Path program) throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(true);
        CountDownLatch release = new CountDownLatch(1);
        try (TestBackend s1 = new TestBackend(holding("s1", healthy, release));
             TestBackend s2 = new TestBackend(HealthCheckIT.answer("s2", new AtomicBoolean(true)))) {
            int port = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(program, config(port, s1.port(), s2.port()), "-db").listening(port)) {
                String uri = null;
                for (int i = 0; i < 20 && uri == null; i++) {
                    if (served(port, "/u" + i, false).equals("s1")) {
                        uri = "/u" + i;
                    }
                }
                assertNotNull(uri, "no uri hashed to s1");
                int before = s1.requests();
                try (Socket held = send(port, uri, true)) {
                    assertTrue(RunningProxy.within(Duration.ofSeconds(5), () -> s1.requests() > before), p.output());
                    try (Socket queued = send(port, uri, false)) {
                        healthy.set(false);
                        assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> p.output().contains("bq/s1 is DOWN")),
                                p.output());
                        String second = body(queued);
                        release.countDown();
                        String first = body(held);
                        List<String> lines = HealthCheckIT.transitions(p.output());
                        return List.of(lines.get(0), second, first);
                    }
                }
            } finally {
                release.countDown();
            }
        }
    }

    /** Answers like {@link HealthCheckIT#answer} but holds a request with "x-hold" until released. */
    private static TestBackend.Behaviour holding(String name, AtomicBoolean healthy, CountDownLatch release) {
        TestBackend.Behaviour plain = HealthCheckIT.answer(name, healthy);
        return (head, out) -> {
            if (head.toLowerCase().contains("x-hold")) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return plain.respond(head, out);
        };
    }

    private static Socket send(int port, String uri, boolean hold) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(10000);
        s.getOutputStream().write(("GET " + uri + " HTTP/1.1\r\nhost: x\r\nconnection: close\r\n"
                + (hold ? "x-hold: 1\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return s;
    }

    private static String served(int port, String uri, boolean hold) throws IOException {
        try (Socket s = send(port, uri, hold)) {
            return body(s);
        }
    }

    private static String body(Socket s) throws IOException {
        String rsp = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        return rsp.substring(rsp.indexOf("\r\n\r\n") + 4);
    }
}
