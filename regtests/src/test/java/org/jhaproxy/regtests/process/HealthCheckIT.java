package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Health checks on a real process (configuration.txt 5.2 "check", 4 "option httpchk"): a server
 * whose check starts failing is reported DOWN with haproxy's exact message and no longer gets
 * traffic; a backend losing its last server reports "has no server available!"; a server
 * whose check passes again "rise" times comes back UP. The same scenario runs through haproxy
 * where it is installed and must print the same messages (pid and check durations aside).
 */
class HealthCheckIT {
    private static final String DOWN_S1 = "[WARNING]  (PID) : Server be/s1 is DOWN, reason: Layer7 wrong status, code: 500, "
            + "info: \"Internal Server Error\", check duration: Nms. 1 active and 0 backup servers left. "
            + "0 sessions active, 0 requeued, 0 remaining in queue.";
    private static final String UP_S1 = "[WARNING]  (PID) : Server be/s1 is UP, reason: Layer7 check passed, code: 200, "
            + "check duration: Nms. 2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.";
    private static final String DOWN_L4 = "[WARNING]  (PID) : Server be4/s4 is DOWN, reason: Layer4 connection problem, "
            + "info: \"Connection refused\", check duration: Nms. 0 active and 0 backup servers left. "
            + "0 sessions active, 0 requeued, 0 remaining in queue.";
    private static final String NO_SERVER = "[ALERT]    (PID) : backend 'be4' has no server available!";
    private static final String UP_L4 = "[WARNING]  (PID) : Server be4/s4 is UP, reason: Layer4 check passed, "
            + "check duration: Nms. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.";
    private static final String DOWN_TCP = "[WARNING]  (PID) : Server bt/st is DOWN, reason: Layer7 invalid response, "
            + "info: \"TCPCHK did not match content '+PONG' at step 2\", check duration: Nms. 0 active and 0 backup "
            + "servers left. 0 sessions active, 0 requeued, 0 remaining in queue.";
    private static final String NO_SERVER_TCP = "[ALERT]    (PID) : backend 'bt' has no server available!";

    static String config(int port, int s1, int s2, int s4, int st) {
        // "timeout check" keeps a loaded machine (CI) from turning a slow answer into a Layer7 timeout
        return "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n    timeout check 2s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n    default_backend be\n\n"
                + "backend be\n    option httpchk GET /health\n    default-server check inter 100ms rise 2 fall 2\n"
                + "    server s1 127.0.0.1:" + s1 + "\n    server s2 127.0.0.1:" + s2 + "\n\n"
                + "backend be4\n    server s4 127.0.0.1:" + s4 + " check inter 100ms fastinter 50ms downinter 100ms rise 1\n\n"
                + "backend bt\n    option tcp-check\n    tcp-check send PING\\r\\n\n    tcp-check expect string +PONG\n"
                + "    server st 127.0.0.1:" + st + " check inter 100ms\n";
    }

    @Test
    void jhaproxyReportsTransitionsAndAvoidsTheDownServer() throws Exception {
        List<String> seen = scenario(RunningProxy.jhaproxy());
        assertEquals(List.of(DOWN_L4, NO_SERVER, DOWN_TCP, NO_SERVER_TCP, DOWN_S1, UP_S1, UP_L4), seen);
    }

    @Test
    void haproxyPrintsTheSameMessages() throws Exception {
        ProxyPair.onHaproxy("HealthCheckIT", haproxy -> assertEquals(
                List.of(DOWN_L4, NO_SERVER, DOWN_TCP, NO_SERVER_TCP, DOWN_S1, UP_S1, UP_L4), scenario(haproxy)));
    }

    /**
     * s1 answers /health 200 then 500 then 200 again; s2 always 200; s4's port is closed until
     * the end; st answers "-ERR" to PING. Returns the transition messages, in the order of the
     * steps (each step waits for its message), with the pid and durations normalised.
     */
    private List<String> scenario(Path program) throws Exception {
        AtomicBoolean s1Healthy = new AtomicBoolean(true);
        try (TestBackend s1 = new TestBackend(answer("s1", s1Healthy));
             TestBackend s2 = new TestBackend(answer("s2", new AtomicBoolean(true)));
             ServerSocket st = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread pong = servePing(st);
            int port = RunningProxy.freePort();
            int s4 = RunningProxy.freePort();
            List<String> steps = new ArrayList<>();
            try (RunningProxy p = RunningProxy.start(program, config(port, s1.port(), s2.port(), s4, st.getLocalPort()), "-db")
                    .listening(port)) {
                // the closed port and the tcp-check fail at their first checks (spread over inter); the
                // two backends are independent, so which one a loaded machine reports first is not
                // compared: be4's pair, then bt's, each pair in its own order
                await(p, "be4' has no server", 0);
                List<String> first = await(p, "bt' has no server", 0);
                first.stream().filter(l -> l.contains("be4")).forEach(steps::add);
                first.stream().filter(l -> !l.contains("be4")).forEach(steps::add);
                // both servers take traffic
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> servedBy(port).equals("s1")), p.output());
                s1Healthy.set(false);
                steps.addAll(await(p, "be/s1 is DOWN", steps.size()));
                for (int i = 0; i < 6; i++) {
                    assertEquals("s2", servedBy(port), "a DOWN server got a request");
                }
                s1Healthy.set(true);
                steps.addAll(await(p, "be/s1 is UP", steps.size()));
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> servedBy(port).equals("s1")), p.output());
                try (ServerSocket l4 = new ServerSocket(s4, 50, InetAddress.getLoopbackAddress())) {
                    steps.addAll(await(p, "be4/s4 is UP", steps.size()));
                }
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
            } finally {
                pong.interrupt();
            }
            return steps;
        }
    }

    /** Waits for a message containing {@code marker}; returns the transition lines after the first {@code skip}. */
    private static List<String> await(RunningProxy p, String marker, int skip) {
        assertTrue(RunningProxy.within(Duration.ofSeconds(15), () -> p.output().contains(marker)),
                "no \"" + marker + "\" in:\n" + p.output());
        List<String> lines = transitions(p.output());
        return lines.subList(skip, lines.size());
    }

    /** The server and backend transition lines, pid and durations normalised. */
    static List<String> transitions(String output) {
        List<String> out = new ArrayList<>();
        for (String l : output.split("\n")) {
            if (l.contains(" is DOWN") || l.contains(" is UP") || l.contains("has no server available")) {
                out.add(l.replaceFirst("\\((\\d+)\\)", "(PID)").replaceAll("check duration: \\d+ms", "check duration: Nms"));
            }
        }
        return out;
    }

    static TestBackend.Behaviour answer(String name, AtomicBoolean healthy) {
        return (head, out) -> {
            String rsp;
            if (head.startsWith("GET /health") && !healthy.get()) {
                rsp = "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n";
            } else {
                rsp = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n" + name;
            }
            out.write(rsp.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return !head.startsWith("GET /health");
        };
    }

    /** A TCP server answering "-ERR" to whatever it gets: a tcp-check expecting "+PONG" fails. */
    private static Thread servePing(ServerSocket st) {
        Thread t = new Thread(() -> {
            while (!st.isClosed()) {
                try (Socket c = st.accept()) {
                    c.getInputStream().read(new byte[64]);
                    c.getOutputStream().write("-ERR\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        }, "ping-backend");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** The name of the server that answered one request through the proxy. */
    static String servedBy(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String rsp = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return rsp.substring(rsp.indexOf("\r\n\r\n") + 4);
        } catch (IOException e) {
            return "error: " + e;
        }
    }

    static Path haproxy() {
        for (String dir : (System.getenv("PATH") + ":/usr/sbin:/usr/local/sbin").split(":")) {
            Path p = Path.of(dir, "haproxy");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }
}
