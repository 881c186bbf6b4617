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
import org.junit.jupiter.api.Test;

/**
 * The bytes a "mode tcp" stream moves, as "show stat" counts them (bin, bout) on the frontend,
 * the backend and the server, as haproxy 2.6 does: what the client sends before the server
 * connection (held while the content rules wait) counts once it is forwarded, what a content
 * reject refused still counts in the frontend's bin, and a "listen" counts on both its rows.
 */
class TcpTrafficCountersIT {
    private static final List<String> EXPECTED = List.of(
            "fe FRONTEND stot=1 bin=1005 bout=1005",
            "fi FRONTEND stot=2 bin=59 bout=50",
            "li FRONTEND stot=1 bin=777 bout=777",
            "li s1 stot=1 bin=777 bout=777",
            "li BACKEND stot=1 bin=777 bout=777",
            "be s1 stot=1 bin=1005 bout=1005",
            "be BACKEND stot=1 bin=1005 bout=1005",
            "be2 s1 stot=1 bin=50 bout=50",
            "be2 BACKEND stot=1 bin=50 bout=50");

    @Test
    void tcpStreamsCountTheirBytesInTheStatsAsHaproxyDoes() throws Exception {
        ProcessModeIT.sameOnEach(EXPECTED, TcpTrafficCountersIT::run);
    }

    private static List<String> run(Path program) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path sock = dir.resolve("s.sock");
        int[] ports = RunningProxy.freePorts(4);
        try (AcceptingServer echo = AcceptingServer.echo()) {
            String server = "    server s1 127.0.0.1:" + echo.port() + "\n";
            String cfg = "global\n    stats socket " + sock + " level admin\n\n"
                    + "defaults\n    mode tcp\n    timeout connect 2s\n    timeout client 10s\n    timeout server 10s\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + ports[0] + "\n    default_backend be\n\n"
                    + "frontend fi\n    bind 127.0.0.1:" + ports[1] + "\n    tcp-request inspect-delay 5s\n"
                    + "    tcp-request content reject if { req.payload(0,3) -m str bad }\n"
                    + "    tcp-request content accept if { req.len gt 0 }\n    default_backend be2\n\n"
                    + "listen li\n    bind 127.0.0.1:" + ports[2] + "\n" + server + "\n"
                    + "frontend probe\n    bind 127.0.0.1:" + ports[3] + "\n    tcp-request connection reject\n\n"
                    + "backend be\n" + server + "\nbackend be2\n" + server;
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(ports[3])) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(sock)), program + ": " + p.output());
                assertEquals(1005, echoed(ports[0], "hello" + "x".repeat(1000)), program.toString());
                assertEquals(50, echoed(ports[1], "early".repeat(10)), program.toString());
                assertEquals(-1, refused(ports[1], "bad stuff"), program.toString());
                assertEquals(777, echoed(ports[2], "L".repeat(777)), program.toString());
                for (String proxy : List.of("fe", "fi", "li")) {
                    StatsCli.awaitNoConnections(sock, proxy);
                }
                return counters(sock);
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    /** Sends {@code data} at once, reads its echo whole, then closes: the bytes echoed. */
    private static int echoed(int port, String data) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(data.getBytes(StandardCharsets.ISO_8859_1));
            return s.getInputStream().readNBytes(data.length()).length;
        }
    }

    /** Sends {@code data} the rules refuse: what the client reads before the close (-1: nothing). */
    private static int refused(int port, String data) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(data.getBytes(StandardCharsets.ISO_8859_1));
            try {
                return s.getInputStream().read();
            } catch (java.net.SocketException reset) {
                return -1;
            }
        }
    }

    private static List<String> counters(Path sock) {
        List<String> rows = new ArrayList<>();
        for (String row : StatsCli.ask(sock, "show stat\n").split("\n")) {
            String[] f = row.split(",", -1);
            if (f.length > 9 && !row.startsWith("#") && !f[0].equals("probe")) {
                rows.add(f[0] + " " + f[1] + " stot=" + f[7] + " bin=" + f[8] + " bout=" + f[9]);
            }
        }
        return rows;
    }
}
