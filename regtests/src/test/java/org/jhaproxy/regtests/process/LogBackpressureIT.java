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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Logging never holds traffic up (issue 5): with "log stdout" into a pipe nobody reads, every
 * request of a long keep-alive run is still answered, and the lines that found the pipe full
 * are dropped and counted in "show info" DroppedLogs, on haproxy as on jhaproxy. (How many are
 * dropped differs: haproxy drops whatever the pipe does not take at once, jhaproxy queues up to
 * 4096 lines for its writer thread first.) A stop then ends the process whatever the pipe.
 */
class LogBackpressureIT {
    private static final int REQUESTS = 8000;

    @Test
    void aStuckStdoutPipeDropsLinesAndNeverHoldsRequests() throws Exception {
        ProcessModeIT.sameOnEach("answered=" + REQUESTS + " dropped=yes stopped=yes", LogBackpressureIT::run);
    }

    private static String run(Path program) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path sock = dir.resolve("s.sock");
        int fe = RunningProxy.freePort();
        Files.writeString(dir.resolve("p.cfg"), "global\n    log stdout format raw local0\n"
                + "    stats socket " + sock + " level admin\n\n"
                + "defaults\n    mode http\n    log global\n    option httplog\n"
                + "    timeout connect 2s\n    timeout client 10s\n    timeout server 10s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    http-request return status 200\n");
        // stdout stays a pipe this test never reads
        Process p = new ProcessBuilder(program.toString(), "-f", "p.cfg", "-db").directory(dir.toFile())
                .redirectError(dir.resolve("stderr").toFile()).start();
        try {
            assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> Files.exists(sock) || !p.isAlive()),
                    program + " did not start");
            assertTrue(p.isAlive(), program + ": " + Files.readString(dir.resolve("stderr")));
            int answered = keepAliveRun(fe);
            String info = StatsCli.ask(sock, "show info\n");
            long dropped = info.lines().filter(l -> l.startsWith("DroppedLogs: ")).mapToLong(l -> Long.parseLong(l.substring(13)))
                    .findFirst().orElse(-1);
            p.destroy();
            boolean stopped = p.waitFor(10, TimeUnit.SECONDS);
            return "answered=" + answered + " dropped=" + (dropped > 0 ? "yes" : "no:" + dropped) + " stopped="
                    + (stopped ? "yes" : "no");
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            ProcessIdentityIT.delete(dir);
        }
    }

    /** REQUESTS requests on one connection, each written once the previous answer is read: how many got a 200. */
    private static int keepAliveRun(int port) throws IOException {
        byte[] request = ("GET /" + "x".repeat(60) + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] answer = "HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int ok = 0;
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            for (int i = 0; i < REQUESTS; i++) {
                out.write(request);
                byte[] got = in.readNBytes(answer.length);
                if (java.util.Arrays.equals(got, answer)) {
                    ok++;
                } else {
                    assertEquals(new String(answer, StandardCharsets.ISO_8859_1), new String(got, StandardCharsets.ISO_8859_1),
                            "answer " + i);
                }
            }
        }
        return ok;
    }
}
