package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "log stdout" and "log stderr" (configuration.txt 3.1 "log"): the lines go to the process's own
 * output, "format raw" without any header, "format short" with only the level ("<6>"). The same
 * requests run through haproxy where it is installed must give the same lines on the same
 * stream (the client port aside).
 */
class LogStdoutIT {
    /**
     * The probe that waits for the listener connects to fe and closes without a byte: haproxy
     * logs that as a bad request; to fe2, without a log-format, it logs nothing (no stream, so
     * no "Connect from").
     */
    private static final List<String> STDOUT = List.of(
            "Connect from 127.0.0.1:PORT to 127.0.0.1:FE2 (fe2/HTTP)", "req fe <BADREQ> <BADREQ> 400",
            "req fe GET /one 200", "req fe GET /two 200");
    private static final List<String> STDERR = List.of(
            "<6>Connect from 127.0.0.1:PORT to 127.0.0.1:FE2 (fe2/HTTP)", "<6>req fe <BADREQ> <BADREQ> 400",
            "<6>req fe GET /one 200", "<6>req fe GET /two 200");

    static String config(int fe, int fe2) {
        return "global\n    log stdout format raw local0\n    log stderr format short local0\n\n"
                + "defaults\n    mode http\n    log global\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    log-format \"req %f %HM %HU %ST\"\n"
                + "    http-request return status 200\n\n"
                + "frontend fe2\n    bind 127.0.0.1:" + fe2 + "\n    http-request return status 200\n";
    }

    @Test
    void jhaproxyWritesRawLinesOnStdoutAndShortOnStderr() throws Exception {
        scenario(RunningProxy.jhaproxy());
    }

    @Test
    void haproxyWritesTheSameLines() throws Exception {
        ProxyPair.onHaproxy("LogStdoutIT", haproxy -> scenario(haproxy));
    }

    private void scenario(Path program) throws Exception {
        int fe = RunningProxy.freePort();
        int fe2 = RunningProxy.freePort();
        try (RunningProxy p = RunningProxy.start(program, config(fe, fe2), true, "-db").listening(fe).listening(fe2)) {
            get(fe, "/one");
            get(fe, "/two");
            get(fe2, "/x");
            assertTrue(RunningProxy.within(Duration.ofSeconds(10),
                    () -> lines(p.errors(), fe2).size() >= STDERR.size() && lines(p.output(), fe2).size() >= STDOUT.size()),
                    "missing lines:\nstdout:\n" + p.output() + "\nstderr:\n" + p.errors());
            assertEquals(STDOUT, lines(p.output(), fe2), program + " stdout");
            assertEquals(STDERR, lines(p.errors(), fe2), program + " stderr");
            if (program.equals(RunningProxy.jhaproxy())) {
                p.assertCleanOutput();
                assertTrue(!p.errors().contains("Exception") && !p.errors().contains("LEAK:"), p.errors());
            }
        }
    }

    private static void get(int port, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().readAllBytes();
        }
    }

    /** The log lines of an output (its NOTICE and WARNING lines left out), client port normalised, sorted. */
    static List<String> lines(String output, int fe2) {
        List<String> out = new ArrayList<>();
        for (String l : output.split("\n")) {
            if (l.contains("req ") || l.contains("Connect from")) {
                out.add(l.replaceFirst("127\\.0\\.0\\.1:\\d+ to", "127.0.0.1:PORT to").replace(":" + fe2 + " ", ":FE2 "));
            }
        }
        out.sort(null);
        return out;
    }
}
