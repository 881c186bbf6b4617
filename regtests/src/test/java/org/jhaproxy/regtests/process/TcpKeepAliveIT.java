package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * "option tcpka", "option clitcpka", "option srvtcpka" (configuration.txt 4.2): SO_KEEPALIVE on
 * the client connections of the frontend and on the server connections of the backend, as the
 * kernel shows them ("ss -o": a "keepalive" timer on an established socket). Each case runs on
 * jhaproxy and, where it is installed, on haproxy, with the same result.
 */
class TcpKeepAliveIT {

    @Test
    void keepAliveIsOnTheSocketsHaproxySetsItOn() throws Exception {
        for (Path program : ProcessModeIT.programs()) {
            List<ServerSocket> servers = new ArrayList<>();
            try {
                int[] fe = new int[4];
                int[] srv = new int[4];
                for (int i = 0; i < 4; i++) {
                    fe[i] = RunningProxy.freePort();
                    ServerSocket s = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
                    servers.add(s);
                    srv[i] = s.getLocalPort();
                }
                String cfg = "defaults\n    mode tcp\n    timeout connect 1s\n    timeout client 30s\n    timeout server 30s\n\n"
                        + "listen both\n    bind 127.0.0.1:" + fe[0] + "\n    option tcpka\n    server s 127.0.0.1:" + srv[0] + "\n\n"
                        + "frontend cli\n    bind 127.0.0.1:" + fe[1] + "\n    option clitcpka\n    default_backend plain\n\n"
                        + "backend plain\n    server s 127.0.0.1:" + srv[1] + "\n\n"
                        + "frontend plainfe\n    bind 127.0.0.1:" + fe[2] + "\n    default_backend srv\n\n"
                        + "backend srv\n    option srvtcpka\n    server s 127.0.0.1:" + srv[2] + "\n\n"
                        + "listen none\n    bind 127.0.0.1:" + fe[3] + "\n    server s 127.0.0.1:" + srv[3] + "\n";
                try (RunningProxy proxy = RunningProxy.start(program, cfg, "-db").listening(fe[0])) {
                    List<String> seen = new ArrayList<>();
                    List<Socket> open = new ArrayList<>();
                    try {
                        for (int i = 0; i < 4; i++) {
                            open.add(new Socket("127.0.0.1", fe[i]));
                            open.add(servers.get(i).accept());
                            int p = fe[i];
                            int s = srv[i];
                            assertTrue(RunningProxy.within(Duration.ofSeconds(10),
                                    () -> !established("sport = :" + p).isEmpty() && !established("dport = :" + s).isEmpty()),
                                    program + ": connections of case " + i);
                            seen.add(keepAlive(established("sport = :" + p)) + "/" + keepAlive(established("dport = :" + s)));
                        }
                    } finally {
                        for (Socket o : open) {
                            o.close();
                        }
                    }
                    assertEquals(List.of("ka/ka", "ka/-", "-/ka", "-/-"), seen, program.toString());
                }
            } finally {
                for (ServerSocket s : servers) {
                    s.close();
                }
            }
        }
    }

    private static String keepAlive(String ssLine) {
        return ssLine.contains("keepalive") ? "ka" : "-";
    }

    /** "ss -tnoH" of the established loopback sockets matching {@code filter}. */
    private static String established(String filter) {
        try {
            Process ss = new ProcessBuilder("ss", "-tnoH", "state", "established", filter)
                    .redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(ss.waitFor(20, TimeUnit.SECONDS), "ss ended");
            return out.trim();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
