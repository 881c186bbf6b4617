package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The open-files limit at start (configuration.txt 3.1 "ulimit-n", "strict-limits"), against
 * haproxy: the same messages ("Cannot raise FD limit", "FD limit ... too low"), the same exit,
 * and the same "show info" Ulimit-n, Maxsock, Maxconn and Hard_maxconn. A limit above the
 * kernel's nr_open (2000000; 1048576 by default) is refused even to root.
 */
class OpenFilesLimitIT {

    @ParameterizedTest
    @ValueSource(strings = {
        "",                                          // maxconn and maxsock computed from the limit
        "    ulimit-n 2000000\n",                    // refused: strict-limits (the default) stops
        "    ulimit-n 2000000\n    no strict-limits\n", // refused: a warning, the hard limit
        "    maxconn 1500000\n    no strict-limits\n",  // maxsock refused, then too low: an alert
        "    maxconn 1500000\n    strict-limits\n",
        "    ulimit-n 100\n    maxconn 1000\n",      // never lowered
    })
    void sameLimitsAndMessagesAsHaproxy(String global) throws Exception {
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy == null) {
            System.out.println("OpenFilesLimitIT: haproxy is not installed, nothing to compare with");
        }
        Assumptions.assumeTrue(haproxy != null, "haproxy is not installed");
        assertEquals(run(haproxy, global), run(RunningProxy.jhaproxy(), global));
    }

    /** What a start prints (banner left out, pid and program named alike) and "show info"'s limits, or the exit status. */
    private static String run(Path program, String global) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        Path sock = dir.resolve("admin.sock");
        int port = RunningProxy.freePort();
        String cfg = "global\n    nbthread 2\n    stats socket " + sock + " level admin\n" + global + "\n"
                + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 10s\n    timeout server 10s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n    default_backend be\n\n"
                + "backend be\n    server s1 127.0.0.1:" + port + " check inter 1h\n"; // its check finds the frontend: no message
        try (RunningProxy p = RunningProxy.start(program, cfg, "-db")) {
            StringBuilder out = new StringBuilder();
            RunningProxy.within(Duration.ofSeconds(60), () -> !p.isAlive() || Files.exists(sock));
            if (!p.isAlive()) {
                out.append("exit ").append(p.exitWithin(Duration.ofSeconds(10))).append('\n');
            } else {
                String info = "";
                for (long end = System.nanoTime() + Duration.ofSeconds(30).toNanos(); System.nanoTime() < end && !info.contains("Maxsock"); ) {
                    info = StatsCli.ask(sock, "show info\n");
                }
                for (String l : info.split("\n")) {
                    if (l.startsWith("Ulimit-n:") || l.startsWith("Maxsock:") || l.startsWith("Maxconn:") || l.startsWith("Hard_maxconn:")) {
                        out.append(l).append('\n');
                    }
                }
            }
            for (String l : p.output().split("\n")) {
                if (!l.isEmpty() && !l.startsWith("[NOTICE]")) {
                    out.append(l.replaceAll("\\(\\d+\\)", "(PID)").replace(program.toString(), "PROGRAM")).append('\n');
                }
            }
            return out.toString();
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }
}
