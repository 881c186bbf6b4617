package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The "status" column of "show stat" for servers in each state (management.txt 9.1, field 17):
 * a checked server that passes ("UP"), one that fails ("DOWN"), one without a check ("no check"),
 * one disabled in the configuration ("MAINT"), and one that failed one check of three after
 * reaching full health ("UP 2/3"). The same configuration runs through haproxy where it is installed and must show
 * the same column.
 */
class StatsStatusIT {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    static String config(Path socket, int fe, int up, int closed, int flaky) {
        return "global\n    stats socket " + socket + " mode 600 level admin\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend be\n"
                + "backend be\n"
                + "    server up 127.0.0.1:" + up + " check inter 100ms\n"
                + "    server down 127.0.0.1:" + closed + " check inter 100ms\n"
                + "    server nochk 127.0.0.1:" + up + "\n"
                + "    server maint 127.0.0.1:" + up + " check disabled\n"
                // once failing, a server checks every "fastinter" (long here, so that its state
                // between UP and DOWN is seen)
                + "    server going 127.0.0.1:" + flaky + " check inter 100ms fastinter 5s rise 2 fall 3\n";
    }

    @Test
    void jhaproxy() throws Exception {
        assertEquals(expected(), statuses(RunningProxy.jhaproxy()));
    }

    @Test
    void haproxy() throws Exception {
        if (!Files.isExecutable(HAPROXY)) {
            System.out.println("StatsStatusIT: " + HAPROXY + " is not installed, the haproxy half is skipped");
            return;
        }
        assertEquals(expected(), statuses(HAPROXY));
    }

    private static List<String> expected() {
        return List.of("fe,FRONTEND,OPEN", "be,up,UP", "be,down,DOWN", "be,nochk,no check", "be,maint,MAINT",
                "be,going,UP 2/3", "be,BACKEND,UP");
    }

    /** The pxname, svname and status of every row once "down" is DOWN and "going" failed one check. */
    private static List<String> statuses(Path program) throws Exception {
        Path dir = Files.createTempDirectory("stats-status");
        Path sock = dir.resolve("admin.sock");
        try (ServerSocket up = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket flaky = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int closed = RunningProxy.freePort();
            int fe = RunningProxy.freePort();
            Thread acceptor = acceptAll(up);
            try (RunningProxy p = RunningProxy.start(program, config(sock, fe, up.getLocalPort(), closed, flaky.getLocalPort()), "-db")) {
                // "going" passes its checks (its port accepts through the kernel's backlog) up to
                // full health; once its port is closed, one failed check of three leaves it at
                // "UP 2/3" until its next check, "fastinter" later
                List<String> rows = new ArrayList<>();
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> {
                    List<String> r = rows(sock, rows);
                    return r.contains("be,down,DOWN") && r.contains("be,going,UP");
                }), "the failing server never went DOWN, or the passing one never reached full health: " + rows);
                flaky.close();
                assertTrue(RunningProxy.within(Duration.ofSeconds(4), () -> rows(sock, rows).contains("be,going,UP 2/3")),
                        "the server losing its port never showed its first failed check: " + rows);
                return rows;
            } finally {
                acceptor.interrupt();
            }
        }
    }

    private static Thread acceptAll(ServerSocket s) {
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    s.accept().close();
                } catch (IOException e) {
                    return;
                }
            }
        }, "accept-all");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Reads "show stat" into {@code into} (pxname,svname,status), true if it could be read. */
    private static List<String> rows(Path sock, List<String> into) {
        into.clear();
        try {
            for (String line : StatsCli.answer(sock, "show stat\n").split("\n")) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                into.add(f[0] + "," + f[1] + "," + f[17]);
            }
        } catch (IOException notYet) {
            // the socket is not there yet: the caller polls again
        }
        return into;
    }
}
