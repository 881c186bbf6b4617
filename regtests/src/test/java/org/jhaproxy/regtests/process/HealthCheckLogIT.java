package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * "option log-health-checks" (configuration.txt 4): every check that changes a server's health
 * or its status is reported ("Health check for server bl/sl failed, reason: ..., status: 1/2
 * UP."), and the DOWN/UP transitions then come without their reason. The same scenario runs
 * through haproxy where it is installed and must print the same lines (pid and check durations
 * aside).
 */
class HealthCheckLogIT {
    private static final String W = "[WARNING]  (PID) : ";
    private static final List<String> EXPECTED = List.of(
            W + "Health check for server bl/sl succeeded, reason: Layer7 check passed, code: 200, check duration: Nms, status: 2/2 UP.",
            W + "Health check for server bl/sl failed, reason: Layer7 wrong status, code: 500, info: \"Internal Server Error\", "
                    + "check duration: Nms, status: 1/2 UP.",
            W + "Health check for server bl/sl failed, reason: Layer7 wrong status, code: 500, info: \"Internal Server Error\", "
                    + "check duration: Nms, status: 0/2 DOWN.",
            W + "Server bl/sl is DOWN. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            "[ALERT]    (PID) : backend 'bl' has no server available!",
            W + "Health check for server bl/sl succeeded, reason: Layer7 check passed, code: 200, check duration: Nms, status: 1/2 DOWN.",
            W + "Health check for server bl/sl succeeded, reason: Layer7 check passed, code: 200, check duration: Nms, status: 2/2 UP.",
            W + "Server bl/sl is UP. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.");

    static String config(int port, int sl) {
        return "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n    default_backend bl\n\n"
                + "backend bl\n    option httpchk GET /health\n    option log-health-checks\n"
                + "    server sl 127.0.0.1:" + sl + " check inter 100ms rise 2 fall 2\n";
    }

    @Test
    void jhaproxyLogsEachCheckThatChangesSomething() throws Exception {
        assertEquals(EXPECTED, scenario(RunningProxy.jhaproxy()));
    }

    @Test
    void haproxyPrintsTheSameLines() throws Exception {
        ProxyPair.onHaproxy("HealthCheckLogIT", haproxy -> assertEquals(EXPECTED, scenario(haproxy)));
    }

    /** sl passes, fails until DOWN, then passes until UP; each step waits for its line. */
    private List<String> scenario(Path program) throws Exception {
        AtomicBoolean healthy = new AtomicBoolean(true);
        try (TestBackend sl = new TestBackend(HealthCheckIT.answer("sl", healthy))) {
            int port = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(program, config(port, sl.port()), "-db").listening(port)) {
                await(p, "succeeded");
                healthy.set(false);
                await(p, "bl/sl is DOWN");
                healthy.set(true);
                await(p, "bl/sl is UP");
                assertEquals("sl", HealthCheckIT.servedBy(port));
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
                return lines(p.output());
            }
        }
    }

    private static void await(RunningProxy p, String marker) {
        assertTrue(RunningProxy.within(Duration.ofSeconds(15), () -> p.output().contains(marker)),
                "no \"" + marker + "\" in:\n" + p.output());
    }

    /** The check and transition lines, pid and durations normalised. */
    static List<String> lines(String output) {
        List<String> out = new ArrayList<>();
        for (String l : output.split("\n")) {
            if (l.contains(" check for ") || l.contains(" is DOWN") || l.contains(" is UP") || l.contains("has no server available")) {
                out.add(l.replaceFirst("\\((\\d+)\\)", "(PID)").replaceAll("check duration: \\d+ms", "check duration: Nms"));
            }
        }
        return out;
    }
}
