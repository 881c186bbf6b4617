package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.regtests.CaseLogs;
import org.junit.jupiter.api.Test;

/**
 * "on-marked-down shutdown-sessions" and "on-marked-up shutdown-backup-sessions" (configuration.txt
 * 5.2): a server put in maintenance ends its streams (an HTTP request waiting for its response gets
 * a 502 logged "DH", a TCP session is closed, "D-"); an active server leaving maintenance ends the
 * streams of the backup servers ("UH"). The answers, the state messages and the log lines are
 * compared with haproxy's, timings normalised.
 */
class OnMarkedIT {
    private static final String GET = "GET / HTTP/1.1\r\nhost: a\r\nconnection: close\r\n\r\n";

    @Test
    void streamsEndWhenTheirServerIsMarkedDownOrABetterOneUp() throws Exception {
        List<List<String>> runs = new ArrayList<>();
        for (Path program : ProcessModeIT.programs()) {
            runs.add(run(program));
        }
        List<String> jh = runs.get(0);
        assertTrue(jh.contains("HTTP/1.1 502 Bad Gateway"), jh.toString());
        assertTrue(jh.stream().anyMatch(l -> l.contains(" 502 209 - - DH-- ")), jh.toString());
        assertTrue(jh.stream().anyMatch(l -> l.contains(" bt/s1 ") && l.contains(" D- ")), jh.toString());
        assertTrue(jh.stream().anyMatch(l -> l.contains(" 502 209 - - UH-- ")), jh.toString());
        if (runs.size() > 1) {
            assertEquals(runs.get(1), jh);
        }
    }

    private static List<String> run(Path program) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        CountDownLatch release = new CountDownLatch(1);
        TestBackend.Behaviour hold = (head, out) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        };
        Path sock = dir.resolve("s.sock");
        int fe = RunningProxy.freePort();
        int ft = RunningProxy.freePort();
        int fu = RunningProxy.freePort();
        List<String> seen = new ArrayList<>();
        try (TestBackend be = new TestBackend(hold)) {
            // one thread: the streams a state change ends are still counted in its message, in both programs
            String cfg = "global\n    nbthread 1\n    stats socket " + sock + " level admin\n\n"
                    + "defaults\n    mode http\n    log stdout format raw local0\n    option httplog\n"
                    + "    timeout connect 2s\n    timeout client 20s\n    timeout server 20s\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend be\n\n"
                    + "frontend ft\n    mode tcp\n    option tcplog\n    bind 127.0.0.1:" + ft + "\n    default_backend bt\n\n"
                    + "frontend fu\n    bind 127.0.0.1:" + fu + "\n    default_backend bu\n\n"
                    + "backend be\n    server s1 127.0.0.1:" + be.port() + " on-marked-down shutdown-sessions\n\n"
                    + "backend bt\n    mode tcp\n    server s1 127.0.0.1:" + be.port() + " on-marked-down shutdown-sessions\n\n"
                    + "backend bu\n    server s1 127.0.0.1:" + be.port() + " disabled on-marked-up shutdown-backup-sessions\n"
                    + "    server s2 127.0.0.1:" + be.port() + " backup\n";
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(fe)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(sock)), program + ": " + p.output());
                // an HTTP request waiting for s1's response, then s1 goes into maintenance
                seen.add(firstLine(endedBy(be, fe, GET, sock, "disable server be/s1", program)));
                // a TCP session to s1, same
                seen.add(endedBy(be, ft, "hello", sock, "disable server bt/s1", program));
                // a request on the backup server, then the active one leaves maintenance
                seen.add(firstLine(endedBy(be, fu, GET, sock, "enable server bu/s1", program)));
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> logLines(p.output()).size() >= 7),
                        program + ": " + p.output());
                List<String> logs = new ArrayList<>(logLines(p.output()));
                logs.sort(null);
                seen.addAll(logs);
            }
        } finally {
            release.countDown();
            ProcessIdentityIT.delete(dir);
        }
        return seen;
    }

    /** What a client sending {@code request} got once {@code command} ended its stream, after the server saw it. */
    private static String endedBy(TestBackend be, int port, String request, Path sock, String command, Path program)
            throws Exception {
        int before = be.connections();
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> send(port, request));
        assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> be.connections() > before),
                program + ": the server never got the connection");
        assertEquals("\n", StatsCli.ask(sock, command + "\n"), program + ": " + command);
        return answer.get(20, TimeUnit.SECONDS);
    }

    private static String send(int port, String request) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "<" + e.getClass().getSimpleName() + ">";
        }
    }

    private static String firstLine(String response) {
        int eol = response.indexOf("\r\n");
        return eol < 0 ? response : response.substring(0, eol);
    }


    /** The log lines and state messages on stdout (the [NOTICE]/[WARNING]/[ALERT] stderr lines left out), normalised. */
    private static List<String> logLines(String output) {
        List<String> lines = new ArrayList<>();
        for (String l : output.split("\n")) {
            if (!l.isBlank() && !l.startsWith("[")) {
                lines.add(CaseLogs.normalise(l));
            }
        }
        return lines;
    }
}
