package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Global "spread-checks" (configuration.txt 3.2): each interval between two checks of a server is
 * moved by up to that percentage, either way. Without it a check never comes sooner than "inter"
 * after the previous one ended; with "spread-checks 50" and "inter 200" some of 16 intervals
 * come well sooner (below 170 ms: all 15 above would happen about once in 600 runs). The
 * randomness is checked loosely, on jhaproxy and, where it is installed, on haproxy.
 */
class SpreadChecksIT {

    @Test
    void checkIntervalsAreSpread() throws Exception {
        for (Path program : ProcessModeIT.programs()) {
            try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                int fe = RunningProxy.freePort();
                String cfg = "global\n    spread-checks 50\n\n"
                        + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n\n"
                        + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend be\n\n"
                        + "backend be\n    option httpchk\n    server s 127.0.0.1:" + server.getLocalPort() + " check inter 200\n";
                List<Long> accepts = Collections.synchronizedList(new ArrayList<>());
                Thread acceptor = new Thread(() -> {
                    while (!server.isClosed()) {
                        try (Socket s = server.accept()) {
                            accepts.add(System.nanoTime());
                            answer(s);
                        } catch (IOException closed) {
                            return;
                        }
                    }
                });
                acceptor.setDaemon(true);
                acceptor.start();
                try (RunningProxy proxy = RunningProxy.start(program, cfg, "-db").listening(fe)) {
                    assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> accepts.size() >= 16),
                            program + ": 16 checks within 30 s, got " + accepts.size());
                }
                List<Long> gaps = new ArrayList<>();
                synchronized (accepts) {
                    for (int i = 1; i < 16; i++) {
                        gaps.add((accepts.get(i) - accepts.get(i - 1)) / 1_000_000L);
                    }
                }
                assertTrue(gaps.stream().anyMatch(g -> g < 170), program + ": no interval under 170 ms: " + gaps);
                assertTrue(gaps.stream().allMatch(g -> g >= 80), program + ": an interval under 80 ms: " + gaps);
            }
        }
    }

    /**
     * Reads the check's request head and answers 200: an HTTP check stays until it has its answer,
     * where a bare connect check may be reset before the accept sees it.
     */
    private static void answer(Socket s) throws IOException {
        s.setSoTimeout(2000);
        java.io.InputStream in = s.getInputStream();
        int state = 0;
        int b;
        while (state < 4 && (b = in.read()) >= 0) {
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        s.getOutputStream().write("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
