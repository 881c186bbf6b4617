package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "set server <b>/<s> addr <ip> [port <port>]" (management.txt 9.3, srv_update_addr_port()):
 * the answers say what changed or why not; the next requests go to the new address and port;
 * the health check follows the server where it has no address or port of its own; "show servers
 * state" shows the new address and port. The same scenario runs through haproxy where it is
 * installed: every answer, the state change lines and the state dumps must be the same.
 */
class ServerAddressIT {
    static String config(Path dir, int fe, int web) {
        return "global\n    stats socket " + dir.resolve("admin.sock") + " level admin\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend be\n"
                + "backend be\n"
                + "    server s1 127.0.0.1:" + web + " check inter 100ms rise 1 fall 1\n"
                + "backend fixed\n"
                + "    server f1 127.0.0.1:8001\n"
                + "    server f2 127.0.0.1\n"
                + "    server f3 127.0.0.1:+10\n"
                + "    server f4 127.0.0.1:8004 check port 8005 inter 1s\n"
                + "    server f5 127.0.0.1:8006 check inter 1s\n"
                + "    server f6 unresolvable.invalid:80 init-addr none\n";
    }

    /** Commands whose answers do not depend on timing. */
    private static final List<String> FIXED = List.of(
            "set server fixed/f1 addr 127.0.0.2", "set server fixed/f1 addr 127.0.0.2",
            "set server fixed/f1 addr 127.0.0.2 port 8101", "set server fixed/f1 addr 127.0.0.2 port 8101",
            "set server fixed/f1 addr", "set server fixed/f1 addr name.example", "set server fixed/f1 addr ::1 port x",
            "set server fixed/f1 addr 127.0.0.1 port", "set server fixed/f1 addr 127.0.0.1 port +5",
            "set server fixed/f5 addr 127.0.0.1 port -5", "set server fixed/f4 addr 127.0.0.1 port +5",
            "set server fixed/f4 addr 127.0.0.3 port -5", "set server fixed/f4 addr 127.0.0.3 port 7",
            "set server fixed/f2 addr 127.0.0.3 port 80", "set server fixed/f3 addr 127.0.0.3 port +10",
            "set server fixed/f3 addr 127.0.0.3 port +11", "set server fixed/f1 port 80",
            "set server fixed/f1 addr 127.0.0.1 port 99999", "set server fixed/f1 addr 127.0.0.1 port 999999999999999999999",
            "set server fixed/f1 addr 127.0.0.1 port 12abc", "set server fixed/f1 addr unix@/tmp/x",
            "set server fixed/f1 addr 127.1", "set server fixed/f1 addr ::ffff:127.0.0.1",
            "set server fixed/f6 addr 127.0.0.5 port 81", "show servers state fixed");

    @Test
    void jhaproxyMovesServersAsHaproxy() throws Exception {
        Run j = ProxyPair.sameRuns("ServerAddressIT", ServerAddressIT::scenario);
        assertEquals("IP changed from '127.0.0.1' to '127.0.0.2' by 'stats socket command'\n\n", j.answers.get(0));
    }

    private record Run(List<String> answers, List<String> lines) {
    }

    private static Run scenario(Path program) throws Exception {
        Path dir = Files.createTempDirectory("srv-addr");
        List<String> answers = new ArrayList<>();
        try (TestBackend one = new TestBackend(TestBackend.OK); TestBackend two = new TestBackend(ServerAddressIT::two)) {
            int fe = RunningProxy.freePort();
            int closed = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(program, config(dir, fe, one.port()), "-db").listening(fe)) {
                await(() -> !StatsCli.command(dir, "show servers state be").isEmpty(), "no stats socket");
                // f4 and f5 are checked every second: nothing listens there
                await(() -> p.output().contains("fixed/f4 is DOWN") && p.output().contains("fixed/f5 is DOWN"),
                        "f4 and f5 were not checked:\n" + p.output());
                for (String c : FIXED) {
                    answers.add(normalised(StatsCli.command(dir, c)));
                }
                assertTrue(RawHttp.exchange(fe, "GET / HTTP/1.1\r\nhost: a\r\nconnection: close\r\n\r\n").endsWith("ok"));
                answers.add(StatsCli.command(dir, "set server be/s1 addr 127.0.0.1 port " + two.port())
                        .replace(String.valueOf(one.port()), "ONE").replace(String.valueOf(two.port()), "TWO"));
                String moved = RawHttp.exchange(fe, "GET / HTTP/1.1\r\nhost: a\r\nconnection: close\r\n\r\n");
                assertTrue(moved.endsWith("two"), moved);
                // the check follows the server's port: a closed one takes it down, the new one up again
                answers.add(StatsCli.command(dir, "set server be/s1 addr 127.0.0.1 port " + closed).isEmpty() ? "" : "moved");
                await(() -> p.output().contains("be/s1 is DOWN"), "s1 never went down:\n" + p.output());
                answers.add(StatsCli.command(dir, "set server be/s1 addr 127.0.0.1 port " + two.port()).isEmpty() ? "" : "moved");
                await(() -> p.output().contains("be/s1 is UP"), "s1 never came back:\n" + p.output());
                String state = StatsCli.command(dir, "show servers state be");
                assertTrue(state.contains(" s1 127.0.0.1 2 0 1 1 "), state);
                assertTrue(state.contains(" - " + two.port() + " - 0 0 - - 0\n"), state);
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
                return new Run(answers, ProxyPair.checkMessages(p.output()).stream()
                        .map(l -> l.replace(String.valueOf(closed), "CLOSED")).toList());
            }
        }
    }

    private static boolean two(String head, OutputStream out) throws java.io.IOException {
        out.write("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\ntwo".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    /** "show servers state": the seconds since the last change vary. */
    private static String normalised(String answer) {
        List<String> out = new ArrayList<>();
        for (String l : answer.split("\n", -1)) {
            String[] f = l.split(" ");
            if (f.length > 10 && f[1].equals("fixed")) {
                f[9] = "T";
            }
            out.add(String.join(" ", f));
        }
        return String.join("\n", out);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        assertTrue(RunningProxy.within(Duration.ofSeconds(15), condition), what);
    }
}
