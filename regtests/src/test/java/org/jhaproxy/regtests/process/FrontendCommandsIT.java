package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * "set rate-limit connections|sessions|ssl-sessions|http-compression global" and "shutdown
 * frontend" on the stats socket (management.txt 9.3), against jhaproxy and, where installed,
 * haproxy 2.6: the same answers, "show info" shows the limits, a connection rate limit really
 * spaces the accepts (20 connections at 5 per second take seconds, and at most a handful are
 * served in the first moments), and a shut frontend refuses connections, says "Proxy fe
 * stopped (...)" once and cannot be enabled again.
 */
class FrontendCommandsIT {
    private static final int CLIENTS = 20;
    private static final int RATE = 5;

    static String config(Path dir, int fe, int other) {
        return "global\n    nbthread 1\n    stats socket " + dir.resolve("admin.sock") + " level admin\n"
                + "    stats socket " + dir.resolve("user.sock") + " level user\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 10s\n    timeout server 10s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    http-request return status 200 content-type text/plain string ok\n"
                + "frontend other\n    bind 127.0.0.1:" + other + "\n    http-request return status 200\n";
    }

    private static final List<String> COMMANDS = List.of(
            "set rate-limit", "set rate-limit connections", "set rate-limit connections local 5",
            "set rate-limit connections global", "set rate-limit connections global -1",
            "set rate-limit sessions global 9", "set rate-limit ssl-sessions global 7",
            "set rate-limit http-compression global 3", "user.sock set rate-limit connections global 1",
            "shutdown frontend", "shutdown frontend nope", "user.sock shutdown frontend fe");

    @Test
    void jhaproxyAsHaproxy() throws Exception {
        ProxyPair.sameRuns("FrontendCommandsIT", FrontendCommandsIT::scenario);
    }

    private record Outcome(List<String> answers, List<String> lines) {
    }

    private static Outcome scenario(Path program) throws Exception {
        Path dir = Files.createTempDirectory("fe-cmds");
        int fe = RunningProxy.freePort();
        int other = RunningProxy.freePort();
        List<String> answers = new ArrayList<>();
        try (RunningProxy p = RunningProxy.start(program, config(dir, fe, other), "-db").listening(fe).listening(other)) {
            StatsCli.awaitSocket(dir, "admin.sock");
            for (String c : COMMANDS) {
                answers.add(c + " => " + command(dir, c));
            }
            answers.add(limits(command(dir, "show info")));
            rateLimited(dir, fe, program);
            // shut: refused from now on, and no way back
            answers.add(command(dir, "shutdown frontend fe"));
            assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> !accepts(fe)), "fe still accepts");
            answers.add(command(dir, "shutdown frontend fe"));
            answers.add(command(dir, "enable frontend fe"));
            answers.add(command(dir, "disable frontend fe"));
            assertTrue(accepts(other), "the other frontend stopped too");
            answers.add(limits(command(dir, "show info")));
            if (program.equals(RunningProxy.jhaproxy())) {
                p.assertCleanOutput();
            }
            List<String> lines = ProxyPair.warningsAndAlerts(p.output()).map(l -> l.replaceAll("FE: \\d+", "FE: N")).toList();
            return new Outcome(answers, lines);
        }
    }

    /**
     * At 5 connections per second, 20 clients opened at once are served over seconds, at most
     * the first second's share at the start; all are served in the end.
     */
    private static void rateLimited(Path dir, int fe, Path program) throws Exception {
        assertEquals("\n", command(dir, "set rate-limit connections global " + RATE));
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            long start = System.nanoTime();
            List<Future<Long>> served = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                served.add(pool.submit(() -> {
                    request(fe);
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }));
            }
            List<Long> times = new ArrayList<>();
            for (Future<Long> f : served) {
                times.add(f.get(60, TimeUnit.SECONDS));
            }
            long early = times.stream().filter(t -> t < 500).count();
            long last = times.stream().mapToLong(Long::longValue).max().orElse(0);
            // a loaded machine only makes it slower: the bounds hold whatever the load
            assertTrue(early <= 2L * RATE, program + ": " + early + " served in the first 500 ms: " + times);
            assertTrue(last >= 2000, program + ": all served in " + last + " ms: " + times);
            String info = command(dir, "show info");
            assertTrue(info.contains("ConnRateLimit: " + RATE + "\n"), info);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("\n", command(dir, "set rate-limit connections global 0"));
    }

    /** One HTTP request on a new connection; returns once answered. */
    private static void request(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            s.setSoTimeout(60_000);
            s.getOutputStream().write("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200", head);
        }
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    /** The limit lines of "show info" and those that a shutdown changes. */
    private static String limits(String info) {
        StringBuilder out = new StringBuilder();
        for (String l : info.split("\n")) {
            if (l.contains("RateLim") || l.startsWith("Stopping") || l.startsWith("Listeners")) {
                out.append(l).append('\n');
            }
        }
        return out.toString();
    }

    /** One command on admin.sock, or on the socket named first ("user.sock ..."). */
    static String command(Path dir, String line) {
        return StatsCli.command(dir, line);
    }
}
