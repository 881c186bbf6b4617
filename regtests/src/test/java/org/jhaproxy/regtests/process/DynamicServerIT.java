package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HAProxy 2.6's dynamic servers on the stats socket (management.txt 9.3 "add server", "del
 * server"): the refusals (balancing without dynamic weights, options a dynamic server does not
 * take, bad names and addresses, ids in use), a server added in maintenance with the next free
 * id, taking traffic once enabled, and deleted only from maintenance. The same commands go to
 * haproxy where it is installed: every answer, "show servers state" and "show stat" (times
 * normalised) must be the same bytes.
 */
class DynamicServerIT {
    static String config(Path dir, int fe, int web) {
        return "global\n    stats socket " + dir.resolve("admin.sock") + " level admin\n"
                + "    stats socket " + dir.resolve("user.sock") + " level user\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend rr\n"
                + "backend rr\n    balance roundrobin\n"
                + "    server s1 127.0.0.1:" + web + "\n    server s2 127.0.0.1:" + web + " id 5\n"
                + "backend st\n    balance static-rr\n    server s1 127.0.0.1:" + web + "\n"
                + "backend src\n    balance source\n    server s1 127.0.0.1:" + web + "\n"
                + "backend lc\n    balance leastconn\n";
    }

    private static final List<String> COMMANDS = List.of(
            "user.sock add server rr/x 127.0.0.1:1", "user.sock del server rr/s1",
            "add server st/x 127.0.0.1:1", "add server src/x 127.0.0.1:1", "add server rr", "add server rr/",
            "add server /rr 127.0.0.1:1", "add server nob/x 1.2.3.4", "add server rr/s5",
            "add server rr/s1 127.0.0.1:1", "add server rr/a@b 127.0.0.1:1", "add server rr/bad 1.2.3.4.5:80",
            "add server rr/bad2 foo:bar", "add server rr/x 127.0.0.1:1 cookie foo",
            "add server rr/x 127.0.0.1:1 no-check", "add server rr/x 127.0.0.1:1 bogus",
            "add server rr/x 127.0.0.1:1 wieght 5", "add server rr/x 127.0.0.1:1 weight 300",
            "add server rr/x 127.0.0.1:1 id 0", "add server rr/x 127.0.0.1:1 id",
            "del server rr", "del server nob/x", "del server rr/nope", "del server rr/s1",
            // added: ids 2 and 3 are the first free ones, 9 is forced
            "add server rr/s3 127.0.0.1:WEB", "add server rr/n 127.0.0.1:9 backup maxconn 10 disabled",
            "add server rr/i 127.0.0.1:9 id 9 weight 4 maxqueue 2 minconn 1", "add server rr/j 127.0.0.1:9 id 9",
            "add server lc/a 127.0.0.1:WEB weight 2",
            "show servers state", "show stat",
            "enable server rr/s3", "enable server rr/n",
            "show servers state rr", "TRAFFIC", "show stat", "del server rr/s3",
            "disable server rr/s3", "disable server rr/s1", "del server rr/s3", "del server rr/s3",
            "del server rr/s1", "set server rr/i state ready", "del server rr/#9", "set server rr/i state maint",
            "del server rr/#9", "add server rr/z 127.0.0.1:1",
            "show servers state rr", "show stat",
            // interactive: no empty line before the next prompt after these answers
            "prompt\nadd server rr/p 127.0.0.1:1\nadd server rr\ndel server rr/p\nshow servers state nope\n"
                    + "disable server rr/p\ndel server rr/p\nquit");

    @Test
    void jhaproxyAnswersAsHaproxy() throws Exception {
        List<String> j = scenario(RunningProxy.jhaproxy());
        assertTrue(j.contains("add server rr/s3 127.0.0.1:WEB => New server registered.\n\n"), j.toString());
        assertTrue(j.contains("del server rr/#9 => Server deleted.\n"), j.toString());
        ProxyPair.onHaproxy("DynamicServerIT", haproxy -> assertEquals(String.join("", scenario(haproxy)), String.join("", j)));
    }

    private static List<String> scenario(Path program) throws Exception {
        Path dir = Files.createTempDirectory("dyn-server");
        List<String> answers = new ArrayList<>();
        try (TestBackend web = new TestBackend(TestBackend.OK)) {
            int fe = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(program, config(dir, fe, web.port()), "-db").listening(fe)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(15),
                        () -> !command(dir, "show servers state rr").isEmpty()), "no stats socket");
                for (String c : COMMANDS) {
                    String line = c.replace("WEB", String.valueOf(web.port()));
                    if (c.equals("TRAFFIC")) {
                        // s3 enabled, s1 and s2 running: round robin sends one request in three to s3
                        assertTakesTraffic(fe, dir, "s3");
                        continue;
                    }
                    answers.add(c + " => " + normalise(command(dir, line), web.port()));
                }
                String stat = command(dir, "show stat");
                assertFalse(stat.contains("rr,s3,"), stat);
                assertTrue(stat.contains("rr,z,"), stat);
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
                return answers;
            }
        }
    }

    /** Requests through the frontend until {@code server}'s stot in "show stat" moves. */
    private static void assertTakesTraffic(int fe, Path dir, String server) throws IOException {
        for (int i = 0; i < 6; i++) {
            String r = RawHttp.exchange(fe, "GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n");
            assertTrue(r.startsWith("HTTP/1.1 200"), r);
        }
        for (String row : command(dir, "show stat").split("\n")) {
            if (row.startsWith("rr," + server + ",")) {
                assertEquals("2", row.split(",")[7], row); // stot: two of six requests
                return;
            }
        }
        throw new AssertionError(server + " not in show stat");
    }

    /**
     * Times ("show servers state" srv_time_since_last_change, show stat lastchg), the traffic's
     * byte and time counters and the idle connection counts are normalised; the web server's port too.
     */
    private static String normalise(String answer, int web) {
        StringBuilder out = new StringBuilder();
        for (String line : answer.split("\n", -1)) {
            String[] f = line.split(" ", -1);
            if (f.length == 25 && f[1].matches("rr|st|src|lc")) {
                f[9] = "T";
                line = String.join(" ", f);
            } else if (line.split(",", -1).length > 80) {
                // up to agg_check_status: the ssl/h2/h1 counters after it are not compared
                String[] c = java.util.Arrays.copyOf(line.split(",", -1), 105);
                // the idle connections kept and reused (connect, reuse, srv_icur, idle/safe/used_conn_cur,
                // need_conn_est) depend on when each one went idle
                for (int i : new int[] {5, 8, 9, 23, 24, 33, 35, 46, 47, 55, 58, 59, 60, 61, 77, 78, 84, 85, 88, 90, 91,
                        92, 93, 95, 96, 97, 98}) {
                    c[i] = c[i].isEmpty() ? "" : "N";
                }
                line = String.join(",", c);
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1).replace(String.valueOf(web), "WEB");
    }

    /** One command on admin.sock, or on the socket named first ("user.sock ..."). */
    static String command(Path dir, String line) {
        return StatsCli.command(dir, line);
    }
}
