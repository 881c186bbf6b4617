package org.jhaproxy.runtime.lb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.ConfigLoader;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.source.Environment;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.StateChange;
import org.jhaproxy.runtime.server.StatusCause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The servers each algorithm picks before and after servers go down and come back up, against
 * the sequences haproxy 2.6.12 gave (sequential requests, servers answering their name, state
 * changed between requests with "set server px/sN state maint|ready" on the stats socket; a
 * server is named by its port, 127.0.0.1:900N being "sN"). haproxy updates its trees in place
 * (lb_fwrr.c, lb_fwlc.c, lb_map.c), so the order right after a change depends on the positions
 * the servers had: rebuilding the trees gives another order.
 */
class LbStateChangeTest {
    @TempDir
    Path dir;

    private static final StatusCause CLI = new StatusCause(null, -1, null, -1);

    private Proxy backend(String balance, String... servers) throws Exception {
        String cfg = "defaults\n  mode http\n  timeout connect 1s\n  timeout client 5s\n  timeout server 5s\n"
                + "listen px\n  bind 127.0.0.1:18573\n  balance " + balance + "\n  " + String.join("\n  ", servers) + "\n";
        Files.writeString(dir.resolve("t.cfg"), cfg);
        ConfigLoader.Outcome o = ConfigLoader.standard(Diagnostics.silent(), new Environment(Map.of(), dir)).load(List.of("t.cfg"));
        return new Proxy(o.config().proxy("px"));
    }

    /**
     * Plays "rN" (N sequential requests), "d sX" (server sX goes down), "u sX" (comes back up);
     * the lines are what the recording printed: the servers that answered, and each change.
     */
    private static String play(Proxy be, String script) {
        List<String> out = new ArrayList<>();
        for (String step : script.split(",")) {
            if (step.startsWith("r")) {
                List<String> names = new ArrayList<>();
                for (int i = Integer.parseInt(step.substring(1)); i > 0; i--) {
                    Server s = be.balancer().assign(null, null, null, x -> { }).server();
                    names.add("s" + (s.address(null).getPort() - 9000));
                    s.connectionReleased();
                }
                out.add(String.join(" ", names));
                continue;
            }
            Server s = be.servers().stream().filter(x -> x.name().equals(step.substring(2))).findFirst().orElseThrow();
            if (step.charAt(0) == 'd') {
                StateChange.stopped(s, CLI, Events.silent());
            } else {
                StateChange.running(s, CLI, Events.silent());
            }
            out.add("[" + step + "]");
        }
        return String.join("\n", out);
    }

    private static final String[] W123 = {"server s1 127.0.0.1:9001 weight 1", "server s2 127.0.0.1:9002 weight 2",
        "server s3 127.0.0.1:9003 weight 3"};

    @Test
    void roundRobinKeepsPositionsAcrossChanges() throws Exception {
        assertEquals("""
                s3 s2 s3 s1 s3 s2 s3 s2
                [d s3]
                s1 s2 s2 s1 s2 s2 s1
                [u s3]
                s3 s2 s3 s1 s2 s3 s3 s2 s3 s1 s2 s3
                [d s1]
                s3 s2 s3 s2 s3
                [u s1]
                s3 s2 s3 s2 s1 s3 s3 s2 s3 s2 s1 s3""",
                play(backend("roundrobin", W123), "r8,d s3,r7,u s3,r12,d s1,r5,u s1,r12"));
    }

    @Test
    void roundRobinFourServers() throws Exception {
        assertEquals("""
                s3 s2 s3 s1 s3
                [d s2]
                s4 s3 s3 s3 s1 s3 s4 s3 s3
                [u s2]
                s1 s3 s2 s3 s4 s3 s2 s1 s3 s2 s3 s3 s2 s1
                [d s4]
                s3 s2 s3
                [d s3]
                s2 s1
                [u s4]
                s2 s2 s4 s1
                [u s3]
                s2 s3 s1 s3 s2 s4 s3 s2 s3 s1 s3 s2 s3 s4 s2""",
                play(backend("roundrobin", "server s1 127.0.0.1:9001 weight 10", "server s2 127.0.0.1:9002 weight 20",
                        "server s3 127.0.0.1:9003 weight 30", "server s4 127.0.0.1:9004 weight 7"),
                        "r5,d s2,r9,u s2,r14,d s4,r3,d s3,r2,u s4,r4,u s3,r15"));
    }

    @Test
    void roundRobinFallsBackToTheFirstBackup() throws Exception {
        assertEquals("""
                s2 s2 s1
                [d s1]
                s2 s2 s2 s2 s2
                [d s2]
                s3 s3 s3
                [u s2]
                s2 s2 s2 s2
                [u s1]
                s2 s2 s1 s2 s2 s1 s2 s2 s1""",
                play(backend("roundrobin", "server s1 127.0.0.1:9001 weight 3", "server s2 127.0.0.1:9002 weight 5",
                        "server b1 127.0.0.1:9003 backup", "server b2 127.0.0.1:9004 backup"),
                        "r3,d s1,r5,d s2,r3,u s2,r4,u s1,r9"));
    }

    @Test
    void leastConnQueuesARestoredServerLast() throws Exception {
        assertEquals("""
                s1 s2 s3 s1 s2
                [d s1]
                s3 s2 s3 s2
                [u s1]
                s3 s2 s1 s3 s2 s1
                [d s2]
                s3 s1 s3
                [u s2]
                s1 s3 s2 s1 s3 s2""",
                play(backend("leastconn", W123), "r5,d s1,r4,u s1,r6,d s2,r3,u s2,r6"));
    }

    @Test
    void staticRoundRobinKeepsItsIndex() throws Exception {
        assertEquals("""
                s1 s3 s2 s3
                [d s3]
                s1 s2 s2 s1 s2
                [u s3]
                s2 s3 s2 s3 s1 s3 s2 s3""",
                play(backend("static-rr", W123), "r4,d s3,r5,u s3,r8"));
    }

    /** "slowstart": a server coming back starts at 1/16 of its weight (the first second of its warm-up). */
    @Test
    void roundRobinSlowStartBeginsAtOneSixteenth() throws Exception {
        assertEquals("""
                s1 s2 s1 s2
                [d s1]
                s2 s2 s2
                [u s1]
                s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s1 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2 s2""",
                play(backend("roundrobin", "server s1 127.0.0.1:9001 slowstart 60s", "server s2 127.0.0.1:9002 slowstart 60s"),
                        "r4,d s1,r3,u s1,r40"));
        assertEquals("""
                s2 s3 s2 s3 s1 s2
                [d s1]
                s3 s2 s3
                [u s1]
                s2 s3 s2 s3 s2 s3 s2 s3 s2 s3 s2 s3 s2 s3 s2 s3 s2 s3 s2 s3 s2 s3 s2 s3 s2 s3 s2 s3 s2 s3""",
                play(backend("roundrobin", "server s1 127.0.0.1:9001 weight 2 slowstart 60s",
                        "server s2 127.0.0.1:9002 weight 3 slowstart 60s", "server s3 127.0.0.1:9003 weight 3"),
                        "r6,d s1,r3,u s1,r30"));
    }
}
