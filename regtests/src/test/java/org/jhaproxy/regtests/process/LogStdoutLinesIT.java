package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.junit.jupiter.api.Test;

/**
 * "log stdout" with the process's standard output redirected to a file: every line haproxy
 * writes is there, none lost. N requests in parallel through three stdout targets (raw,
 * rfc3164, short), then the process stopped at once by SIGTERM right after the last response
 * (haproxy had written each line when it was logged; jhaproxy writes what its writer thread
 * still had queued before ending), or by SIGUSR1, whose "Proxy fe stopped (...)" lines also go
 * to each proxy's targets (the HTTP client's to the global ones). Differential: the sorted lines,
 * dates and pids normalised, equal haproxy's.
 */
class LogStdoutLinesIT {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final int REQUESTS = 60;

    private static String config(int fe) {
        return "global\n    log stdout format raw local0\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    log global\n    log stdout format rfc3164 local1\n"
                + "    log stdout format short local2\n    log-format \"req %f %HM %HU %ST\"\n"
                + "    http-request return status 200\n"
                + "backend be\n    server s1 127.0.0.1:1\n";
    }

    @Test
    void hardStopKeepsEveryLine() throws Exception {
        List<String> ours = run(RunningProxy.jhaproxy(), "TERM");
        assertEquals(3 * REQUESTS, ours.size(), ours.toString());
        if (Files.isExecutable(HAPROXY)) {
            assertEquals(run(HAPROXY, "TERM"), ours);
        }
    }

    @Test
    void softStopLogsTheProxiesStopped() throws Exception {
        List<String> ours = run(RunningProxy.jhaproxy(), "USR1");
        assertTrue(ours.contains("<140>DATE localhost haproxy[PID]: Proxy fe stopped (cumulated conns: FE: "
                + (REQUESTS + 1) + ", BE: 0)."), ours.toString()); // the probe of listening() counts
        if (Files.isExecutable(HAPROXY)) {
            assertEquals(run(HAPROXY, "USR1"), ours);
        }
    }

    private static List<String> run(Path program, String signal) throws Exception {
        int fe = RunningProxy.freePort();
        try (RunningProxy p = RunningProxy.start(program, config(fe), true, "-db")) {
            p.listening(fe);
            // the probe of listening() is a connection without a request: give its log line time to be written
            assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> p.output().split("\n").length >= 3), p.output());
            ExecutorService pool = Executors.newFixedThreadPool(16);
            try {
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    String path = "/r" + i;
                    answers.add(pool.submit(() -> get(fe, path)));
                }
                for (Future<String> a : answers) {
                    assertTrue(a.get().startsWith("HTTP/1.1 200"), a.get());
                }
            } finally {
                pool.shutdown();
            }
            p.signal(signal);
            assertTrue(p.exitWithin(Duration.ofSeconds(20)) >= 0, "still running");
            if (program.equals(RunningProxy.jhaproxy())) {
                assertTrue(!p.errors().contains("Exception") && !p.errors().contains("LEAK:"), p.errors());
            }
            List<String> lines = new ArrayList<>();
            for (String l : p.output().split("\n")) {
                if (!l.isEmpty() && !l.contains("<BADREQ>")) {
                    lines.add(l.replaceAll("^<(\\d+)>[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d ", "<$1>DATE ")
                            .replaceAll("\\[\\d+\\]:", "[PID]:"));
                }
            }
            lines.sort(null);
            return lines;
        }
    }

    private static String get(int port, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
