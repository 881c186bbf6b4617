package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "show activity" and "show pools" (management.txt 9.3) have haproxy's shape: the same lines
 * for the activity counters, values aside (one column per "nbthread" thread); for the pools a
 * header, "  - Pool" lines of haproxy's form (jhaproxy's pools are Netty's arenas, so names and
 * counts differ) and the "Total:" line. Both are allowed on a "level user" socket.
 */
class ShowActivityPoolsIT {
    private static final String POOL_LINE = "  - Pool \\S{1,11} \\(N bytes\\) : N allocated \\(N bytes\\), N used "
            + "\\(~N by thread caches\\), needed_avg N, N failures, N users, @0x[0-9a-f]+( \\[SHARED\\])?";

    static String config(Path dir, int fe) {
        return "global\n    nbthread 3\n    stats socket " + dir.resolve("user.sock") + " level user\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    http-request return status 200\n";
    }

    @Test
    void haproxysShapeValuesAside() throws Exception {
        List<String> j = ProxyPair.sameRuns("ShowActivityPoolsIT", ShowActivityPoolsIT::scenario);
        assertTrue(j.get(0).startsWith("thread_id: N (N..N)\ndate_now: N.N\nctxsw: N [ N N N ]\n"), j.get(0));
    }

    private static List<String> scenario(Path program) throws Exception {
        Path dir = Files.createTempDirectory("activity");
        int fe = RunningProxy.freePort();
        try (RunningProxy p = RunningProxy.start(program, config(dir, fe), "-db").listening(fe)) {
            StatsCli.awaitSocket(dir, "user.sock");
            RawHttp.exchange(fe, "GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n");
            List<String> out = new ArrayList<>();
            out.add(DynamicServerIT.command(dir, "user.sock show activity").replaceAll("\\d+", "N"));
            StringBuilder pools = new StringBuilder();
            for (String line : DynamicServerIT.command(dir, "user.sock show pools").replaceAll("\\d+", "N")
                    .replaceAll("@Nx[0-9a-fN]+", "@0x0").split("\n", -1)) {
                pools.append(line.matches(POOL_LINE) ? "  - Pool" : line).append('\n');
            }
            // as many pool lines as the process has: one is enough to compare
            out.add(pools.toString().replaceAll("(  - Pool\n)+", "  - Pool\n"));
            return out;
        }
    }
}
