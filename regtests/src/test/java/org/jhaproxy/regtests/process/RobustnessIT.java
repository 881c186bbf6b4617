package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What goes wrong on a network must not hurt the proxy: a server dying in the middle of a
 * response, a client leaving in the middle of a request, ten times more clients than "maxconn".
 * The process runs with Netty's paranoid leak detection: no leak report, no exception, and its
 * sockets come back to what it had before the traffic.
 */
class RobustnessIT {
    private static final String CONFIG = "global\n    maxconn %d\n\n"
            + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 30s\n    timeout server 30s\n\n"
            + "frontend fe\n    bind 127.0.0.1:%d\n    default_backend be\n\n"
            + "backend be\n    server s1 127.0.0.1:%d\n";

    private static final byte[] GET = "GET / HTTP/1.1\r\nhost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aServerDyingMidResponseAndAClientLeavingMidRequestLeaveNothingBehind() throws Exception {
        try (TestBackend be = new TestBackend((head, out) -> {
            if (head.startsWith("GET /die")) {
                // announces 1000 bytes, sends 10, and goes away
                out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n0123456789".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return false;
            }
            return TestBackend.OK.respond(head, out);
        })) {
            int port = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(String.format(CONFIG, 1000, port, be.port()), "-db").listening(port)) {
                assertOk(port);
                int baseline = 0;
                for (int i = 0; i < 50; i++) {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        s.setSoTimeout(20_000);
                        s.getOutputStream().write("GET /die HTTP/1.1\r\nhost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        InputStream in = s.getInputStream();
                        // the part that was sent arrives, then the connection ends
                        String got = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                        assertTrue(got.startsWith("HTTP/1.1 200 OK\r\n") && got.endsWith("0123456789"), got);
                    }
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        // a request head cut in the middle, a body promised and not sent
                        s.getOutputStream().write(i % 2 == 0 ? "GET / HTTP/1.1\r\nhos".getBytes(StandardCharsets.US_ASCII)
                                : "POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                    }
                }
                assertOk(port);
                assertEquals(baseline, settledConnections(p, port), "client connections left open");
                p.assertCleanOutput();
            }
        }
    }

    @Test
    void aThousandClientsAgainstMaxconn100AreAllAnswered() throws Exception {
        try (TestBackend be = new TestBackend(TestBackend.OK)) {
            int port = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(String.format(CONFIG, 100, port, be.port()), "-db").listening(port)) {
                assertOk(port);
                int baseline = 0;
                ExecutorService pool = Executors.newFixedThreadPool(1000);
                try {
                    List<Future<String>> answers = new ArrayList<>();
                    for (int i = 0; i < 1000; i++) {
                        answers.add(pool.submit(() -> {
                            try (Socket s = new Socket("127.0.0.1", port)) {
                                s.setSoTimeout(60_000);
                                s.getOutputStream().write(GET);
                                return SignalIT.read(s.getInputStream(), 41);
                            }
                        }));
                    }
                    for (Future<String> f : answers) {
                        assertEquals("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok", f.get(120, TimeUnit.SECONDS));
                    }
                } finally {
                    pool.shutdownNow();
                }
                assertEquals(baseline, settledConnections(p, port), "client connections left open");
                p.assertCleanOutput();
            }
        }
    }

    private static void assertOk(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(GET);
            assertEquals("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok", SignalIT.read(s.getInputStream(), 41));
        }
    }

    /** The process's accepted connections once they are all closed, else after a 30 s deadline. */
    private static int settledConnections(RunningProxy p, int port) {
        RunningProxy.within(Duration.ofSeconds(30), () -> p.acceptedConnections(port) == 0);
        return p.acceptedConnections(port);
    }
}
