package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * "agent-check" (configuration.txt 5.2): every "agent-inter" haproxy connects to the agent at
 * "agent-port", sends "agent-send" and reads one line of words that steer the server: "down"
 * takes it DOWN ("DOWN (agent)" in the stats), "up 50%" brings it back at half its weight,
 * "drain maxconn:7" drains it ("DRAIN (agent)") with a new maxconn, "ready" lifts the drain,
 * "maint" puts it in maintenance, "ready 100%" takes it out. An agent that cannot be reached
 * changes nothing, which "option log-health-checks" shows once (that agent is found at the check "port"). The same scenario runs through
 * haproxy where it is installed and must print the same lines and show the same stats.
 */
class AgentCheckIT {
    private static final String W = "[WARNING]  (PID) : ";
    private static final List<String> EXPECTED_LINES = List.of(
            W + "Agent check for server bl/sl failed, reason: Layer4 connection problem, info: \"Connection refused\", "
                    + "check duration: Nms, status: 1/1 UP.",
            W + "Server be/s1 is DOWN, reason: Layer7 wrong status, code: 0, info: \"via agent : down (disk full)\", "
                    + "check duration: Nms. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.",
            W + "Server be/s1 is UP, reason: Layer7 check passed, code: 0, info: \"via agent : up\", check duration: Nms. "
                    + "2 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.",
            W + "Server be/s1 enters drain state. 1 active and 0 backup servers online. 0 sessions requeued, 0 total in queue.",
            W + "Server be/s1 is UP (leaving forced drain).",
            W + "Server be/s1 is going DOWN for maintenance. 1 active and 0 backup servers left. 0 sessions active, "
                    + "0 requeued, 0 remaining in queue.",
            W + "Server be/s1 is UP/READY (leaving forced maintenance).");
    /** status, weight and slim of s1 after each step. */
    private static final List<String> EXPECTED_STATS = List.of(
            "up: no check,10,", "down: DOWN (agent),10,", "up 50%: no check,5,", "drain: DRAIN (agent),5,7",
            "ready: no check,5,7", "maint: MAINT,5,7", "ready 100%: no check,10,7");

    static String config(Path socket, int fe, int web, int agent, int closed) {
        return "global\n    stats socket " + socket + " mode 600 level admin\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend be\n"
                + "backend be\n    balance roundrobin\n"
                + "    server s1 127.0.0.1:" + web + " weight 10 agent-check agent-port " + agent
                + " agent-inter 100ms agent-send \"ping\\n\"\n"
                + "    server s2 127.0.0.1:" + web + " weight 10\n"
                + "backend bl\n    option log-health-checks\n"
                + "    server sl 127.0.0.1:" + web + " agent-check port " + closed + " agent-inter 100ms\n";
    }

    @Test
    void jhaproxyFollowsTheAgent() throws Exception {
        Run run = scenario(RunningProxy.jhaproxy());
        assertEquals(EXPECTED_STATS, run.stats);
        assertEquals(EXPECTED_LINES, run.lines);
        assertEquals("ping\n", run.received);
    }

    @Test
    void haproxyDoesTheSame() throws Exception {
        ProxyPair.onHaproxy("AgentCheckIT", haproxy -> {
            Run run = scenario(haproxy);
            assertEquals(EXPECTED_STATS, run.stats);
            assertEquals(EXPECTED_LINES, run.lines);
            assertEquals("ping\n", run.received);
        });
    }

    private record Run(List<String> stats, List<String> lines, String received) {
    }

    private static Run scenario(Path program) throws Exception {
        Path dir = Files.createTempDirectory("agent-check");
        Path sock = dir.resolve("admin.sock");
        AtomicReference<String> reply = new AtomicReference<>("up\n");
        AtomicReference<String> received = new AtomicReference<>();
        try (ServerSocket agent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             TestBackend web = new TestBackend(TestBackend.OK)) {
            Thread agentThread = serveAgent(agent, reply, received);
            int fe = RunningProxy.freePort();
            int closed = RunningProxy.freePort();
            List<String> stats = new ArrayList<>();
            try (RunningProxy p = RunningProxy.start(program,
                    config(sock, fe, web.port(), agent.getLocalPort(), closed), "-db")) {
                await(p, "Agent check for server bl/sl failed");
                stats.add("up: " + awaitRow(sock, "no check,10,"));
                // srv_agent_state is CHK_ST_CONFIGURED|ENABLED|AGENT, srv_agent_port the agent's
                String state = ask(sock, "show servers state be\n");
                assertTrue(state.contains(" 22 0 0 - " + web.port() + " - 0 0 - - " + agent.getLocalPort() + "\n"), state);
                step(p, reply, "down # disk full\n", "be/s1 is DOWN");
                stats.add("down: " + awaitRow(sock, "DOWN (agent),10,"));
                step(p, reply, "up 50%\n", "be/s1 is UP");
                stats.add("up 50%: " + awaitRow(sock, "no check,5,"));
                step(p, reply, "drain maxconn:7\n", "enters drain state");
                stats.add("drain: " + awaitRow(sock, "DRAIN (agent),5,7"));
                step(p, reply, "ready bogus\n", "leaving forced drain");
                stats.add("ready: " + awaitRow(sock, "no check,5,7"));
                step(p, reply, "maint\n", "DOWN for maintenance");
                stats.add("maint: " + awaitRow(sock, "MAINT,5,7"));
                step(p, reply, "ready 100%\n", "leaving forced maintenance");
                stats.add("ready 100%: " + awaitRow(sock, "no check,10,7"));
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
                return new Run(stats, ProxyPair.checkMessages(p.output()), received.get());
            } finally {
                agentThread.interrupt();
            }
        }
    }

    private static void step(RunningProxy p, AtomicReference<String> reply, String line, String marker) {
        reply.set(line);
        await(p, marker);
    }

    private static void await(RunningProxy p, String marker) {
        assertTrue(RunningProxy.within(Duration.ofSeconds(15), () -> p.output().contains(marker)),
                "no \"" + marker + "\" in:\n" + p.output());
    }

    /** Polls "show stat" until s1's status, weight and slim are {@code wanted}; returns them. */
    private static String awaitRow(Path sock, String wanted) {
        String[] last = {""};
        assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> {
            last[0] = s1Row(sock);
            return last[0].equals(wanted);
        }), "s1's stats never became \"" + wanted + "\", last: " + last[0]);
        return last[0];
    }

    /** The agent: reads what haproxy sends (once), answers the current reply and closes. */
    private static Thread serveAgent(ServerSocket agent, AtomicReference<String> reply, AtomicReference<String> received) {
        return Agent.serve(agent, c -> {
            c.setSoTimeout(2000);
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            int b;
            while ((b = c.getInputStream().read()) >= 0) {
                in.write(b);
                if (b == '\n') {
                    break;
                }
            }
            received.compareAndSet(null, in.toString(StandardCharsets.ISO_8859_1));
            c.getOutputStream().write(reply.get().getBytes(StandardCharsets.US_ASCII));
        });
    }

    /** s1's status, weight and slim from "show stat" (fields 17, 18 and 6); "" until readable. */
    private static String s1Row(Path sock) {
        for (String line : ask(sock, "show stat\n").split("\n")) {
            String[] f = line.split(",", -1);
            if (f.length > 18 && f[0].equals("be") && f[1].equals("s1")) {
                return f[17] + "," + f[18] + "," + f[6];
            }
        }
        return "";
    }

    /** One command's answer on the stats socket; "" while the socket is not there yet. */
    static String ask(Path sock, String command) {
        return StatsCli.ask(sock, command);
    }
}
