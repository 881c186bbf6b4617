package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "slowstart" (configuration.txt 5.2): a server leaving maintenance is STARTING and its
 * effective weight climbs in steps over the slowstart period before it is RUNNING at its full
 * weight. The weights "show stat" shows meanwhile, and the state "show servers state" gives,
 * are haproxy 2.6's: for weight 50 and 4 s, 4, 16, 29, 41, then 50 (one step a second).
 */
class SlowstartIT {
    private static final List<String> EXPECTED = List.of("weight=4 op=1", "weight=16 op=1", "weight=29 op=1",
            "weight=41 op=1", "weight=50 op=2");

    @Test
    void aServerLeavingMaintenanceWarmsUpAsInHaproxy() throws Exception {
        ProcessModeIT.sameOnEach(EXPECTED, SlowstartIT::run);
    }

    private static List<String> run(Path program) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path sock = dir.resolve("s.sock");
        int fe = RunningProxy.freePort();
        String cfg = "global\n    stats socket " + sock + " level admin\n\n"
                + "defaults\n    mode http\n    timeout connect 2s\n    timeout client 5s\n    timeout server 5s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend b\n\n"
                + "backend b\n    server s1 127.0.0.1:9 weight 50 slowstart 4s\n    server s2 127.0.0.1:9\n";
        try (RunningProxy p = RunningProxy.start(program, cfg, "-db").listening(fe)) {
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> Files.exists(sock)), program + ": " + p.output());
            assertEquals("\n", StatsCli.ask(sock, "set server b/s1 state maint\n"));
            assertEquals("\n", StatsCli.ask(sock, "set server b/s1 state ready\n"));
            // each distinct weight in the order seen until the full one, with the state read just before
            // it: a state change between the two reads shows as STARTING (1) at weight 50, never the reverse
            List<String> seen = new ArrayList<>();
            boolean full = RunningProxy.within(Duration.ofSeconds(15), () -> {
                String op = state(sock);
                String weight = weight(sock);
                String now = "weight=" + weight + (weight.equals("50") ? "" : " op=" + op);
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(now)) {
                    seen.add(now);
                }
                return weight.equals("50");
            });
            assertTrue(full, program + ": " + seen);
            assertTrue(RunningProxy.within(Duration.ofSeconds(5), () -> state(sock).equals("2")), program + ": not RUNNING");
            seen.set(seen.size() - 1, seen.get(seen.size() - 1) + " op=2");
            return seen;
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    /** s1's weight in "show stat". */
    private static String weight(Path sock) {
        for (String row : StatsCli.ask(sock, "show stat\n").split("\n")) {
            String[] f = row.split(",", -1);
            if (f.length > 18 && f[0].equals("b") && f[1].equals("s1")) {
                return f[18];
            }
        }
        return "?";
    }

    /** s1's operational state in "show servers state" (1 STARTING, 2 RUNNING). */
    private static String state(Path sock) {
        for (String line : StatsCli.ask(sock, "show servers state b\n").split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 5 && f[3].equals("s1")) {
                return f[5];
            }
        }
        return "?";
    }
}
