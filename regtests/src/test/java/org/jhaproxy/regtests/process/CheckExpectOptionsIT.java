package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The options of "tcp-check expect" and "http-check expect" (configuration.txt 4): "min-recv",
 * "error-status", "ok-status L7OKC", "tout-status", "on-error"/"on-success" log-format strings
 * (reading "set-var(check.x)" variables), "status-code", "comment", "!" and "rbinary", "fhdr";
 * and "http-check disable-on-404": a 404 takes an UP server to NOLB ("is stopping", Layer7
 * check conditionally passed), a 200 brings it back UP. The transition lines and "show servers
 * state" (state, check status, result, health) must be haproxy's; the same scenario runs
 * through haproxy where it is installed.
 */
class CheckExpectOptionsIT {
    private static final String W = "[WARNING]  (PID) : ";
    private static final String LEFT = ", check duration: Nms. 0 active and 0 backup servers left. "
            + "0 sessions active, 0 requeued, 0 remaining in queue.";
    private static final String ONLINE = ", check duration: Nms. 0 active and 0 backup servers online. "
            + "0 sessions requeued, 0 total in queue.";
    private static final List<String> EXPECTED = List.of(
            W + "Server h1/s is UP, reason: Layer7 check passed, code: 200, check duration: Nms. 1 active and 0 backup "
                    + "servers online. 0 sessions requeued, 0 total in queue.",
            W + "Server h1/s is stopping, reason: Layer7 check conditionally passed, code: 404" + ONLINE,
            W + "Server h2/s is DOWN, reason: Layer7 invalid response, info: \"oops comment: hc\"" + LEFT,
            W + "Server t1/s is DOWN, reason: Layer7 wrong status, code: 42, info: \"bad vx comment: cmt\"" + LEFT,
            W + "Server t2/s is DOWN, reason: Layer7 invalid response, info: \"TCPCHK matched unwanted content '-ERR' at step 2\""
                    + LEFT,
            W + "Server t3/s is stopping, reason: Layer7 check conditionally passed, code: 7, info: \"fine x\"" + ONLINE,
            // the server keeps the connection open: "tout-status" names the timeout waiting for ZZZ
            W + "Server t4/s is DOWN, reason: Layer4 timeout, info: \" at step 3 of tcp-check (expect string 'ZZZ')\"" + LEFT,
            "h1 s op=3 w=1 status=16 result=4 health=1",
            "h2 s op=0 w=1 status=13 result=2 health=0",
            "h3 s op=2 w=1 status=15 result=3 health=1",
            "h4 s op=2 w=1 status=15 result=3 health=1",
            "t1 s op=0 w=1 status=17 result=2 health=0",
            "t2 s op=0 w=1 status=13 result=2 health=0",
            "t3 s op=3 w=1 status=16 result=4 health=1",
            "t4 s op=0 w=1 status=7 result=2 health=0");

    static String config(Path dir, int err, int h404, int h200, int fixed404) {
        String srv = " check inter 200ms rise 1 fall 1\n";
        return "global\n    stats socket " + dir.resolve("admin.sock") + " level admin\n\n"
                + "defaults\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n    timeout check 1s\n\n"
                + "backend t1\n    option tcp-check\n    tcp-check set-var(check.x) str(vx)\n    tcp-check send PING\\r\\n\n"
                + "    tcp-check expect min-recv 5 error-status L7STS on-error \"bad %[var(check.x)]\" status-code int(42)"
                + " comment cmt string +PONG\n    server s 127.0.0.1:" + err + srv
                + "backend t2\n    option tcp-check\n    tcp-check send PING\\r\\n\n    tcp-check expect ! string -ERR\n"
                + "    server s 127.0.0.1:" + err + srv
                + "backend t3\n    option tcp-check\n    tcp-check send PING\\r\\n\n"
                + "    tcp-check expect ok-status L7OKC on-success \"fine %[var(check.nope)]x\" status-code int(7) string -ERR\n"
                + "    server s 127.0.0.1:" + err + srv
                + "backend t4\n    option tcp-check\n    tcp-check send PING\\r\\n\n    tcp-check expect rbinary ^2D45\n"
                + "    tcp-check expect string ZZZ tout-status L4TOUT\n    server s 127.0.0.1:" + err + srv
                + "backend h1\n    option httpchk\n    http-check disable-on-404\n    server s 127.0.0.1:" + h404 + srv
                + "backend h2\n    option httpchk\n"
                + "    http-check expect status-code int(55) on-error \"oops\" error-status L7RSP comment hc status 200\n"
                + "    server s 127.0.0.1:" + fixed404 + srv
                + "backend h3\n    option httpchk\n    http-check expect fhdr name x-a value \"b, c\"\n"
                + "    server s 127.0.0.1:" + h200 + srv
                + "backend h4\n    option httpchk\n    http-check set-var(check.x) str(hello)\n"
                + "    http-check expect on-success \"got %[var(check.x)]\" string hello\n    server s 127.0.0.1:" + h200 + srv;
    }

    @Test
    void jhaproxyRunsTheExpectOptions() throws Exception {
        assertEquals(EXPECTED, scenario(RunningProxy.jhaproxy()));
    }

    @Test
    void haproxyDoesTheSame() throws Exception {
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy == null) {
            System.out.println("CheckExpectOptionsIT: haproxy is not installed, the differential run is skipped");
            return;
        }
        assertEquals(EXPECTED, scenario(haproxy));
    }

    private List<String> scenario(Path program) throws Exception {
        Path dir = Files.createTempDirectory("check-expect");
        try (RawCheckBackend err = new RawCheckBackend("-ERR\r\n");
             RawCheckBackend h404 = new RawCheckBackend("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
             RawCheckBackend h200 = new RawCheckBackend("HTTP/1.1 200 OK\r\nx-a: b, c\r\ncontent-length: 5\r\n\r\nhello");
             RawCheckBackend fixed404 = new RawCheckBackend("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n");
             RunningProxy p = RunningProxy.start(program, config(dir, err.port(), h404.port(), h200.port(), fixed404.port()),
                     "-db")) {
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> lines(p.output()).size() >= 6), p.output());
            // a check in progress shows no result yet (CHK_RES_UNKNOWN): ask until none is running
            List<String> state = new ArrayList<>();
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> {
                state.clear();
                for (String l : StatsCli.command(dir, "show servers state").split("\n")) {
                    String[] f = l.split(" ");
                    if (f.length > 12 && !l.startsWith("#")) {
                        state.add(f[1] + " " + f[3] + " op=" + f[5] + " w=" + f[7] + " status=" + f[10] + " result=" + f[11]
                                + " health=" + f[12]);
                    }
                }
                return state.size() == 8 && state.stream().noneMatch(l -> l.contains("result=0"));
            }), state.toString());
            // the 404 turns into a 200: the server in NOLB comes back UP
            h404.answer("HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
            assertTrue(RunningProxy.within(Duration.ofSeconds(20), () -> p.output().contains("h1/s is UP")), p.output());
            List<String> out = lines(p.output());
            Collections.sort(out);
            Collections.sort(state);
            out.addAll(state);
            if (program.equals(RunningProxy.jhaproxy())) {
                p.assertCleanOutput();
            }
            return out;
        }
    }

    /** The server transition lines, pid and durations normalised. */
    private static List<String> lines(String output) {
        List<String> out = new ArrayList<>();
        for (String l : output.split("\n")) {
            if (l.contains("Server ") && (l.contains(" is DOWN") || l.contains(" is UP") || l.contains(" is stopping"))) {
                out.add(l.replaceFirst("\\((\\d+)\\)", "(PID)").replaceAll("check duration: \\d+ms", "check duration: Nms"));
            }
        }
        return out;
    }
}
