package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * The stats socket commands steering a server's checks (management.txt 9.3): "disable health"
 * stops the health check (the server keeps its state whatever the server does meanwhile),
 * "enable health" resumes it; "set server ... check-port|check-addr" moves it; "set server
 * ... agent down" takes the server down until its agent says "up"; "agent-send" changes what
 * the agent is sent; "disable agent" stops it. The same scenario runs through haproxy where it
 * is installed: the answers to every command and the state change lines must be the same.
 */
class HealthCommandsIT {
    private static final String W = "[WARNING]  (PID) : ";

    static String config(Path dir, int fe, int web, int probe, int agent) {
        return "global\n    stats socket " + dir.resolve("admin.sock") + " level admin\n"
                + "    stats socket " + dir.resolve("user.sock") + " level user\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend be\n"
                + "backend be\n"
                + "    server s1 127.0.0.1:" + web + " check port " + probe + " inter 100ms rise 1 fall 1\n"
                + "    server s2 127.0.0.1:" + web + " agent-check agent-port " + agent + " agent-inter 100ms agent-send \"ping\\n\"\n"
                + "    server s3 127.0.0.1:" + web + "\n";
    }

    /** Commands whose answers do not depend on timing: errors, levels, unconfigured checks. */
    private static final List<String> FIXED = List.of(
            "enable health be/s3", "enable agent be/s3", "disable health be/s3", "disable agent be/s1",
            "enable health be/nope", "disable health nope/s1", "disable health be/", "enable agent",
            "set server be/s3 agent up", "set server be/s3 agent-send x", "set server be/s3 check-port 80",
            "set server be/s3 agent-addr 127.0.0.1", "set server be/s1 check-addr", "set server be/s1 check-port",
            "set server be/s1 check-addr bad.name", "set server be/s1 check-addr ::1 port 70000",
            "set server be/s1 check-port x1", "set server be/s1 check-port -1", "set server be/s1 check-port +1",
            "set server be/s2 agent-port 65536", "set server be/s2 agent-addr 10.0.0.1 port", "set server be/s2 agent sideways",
            "user.sock disable health be/s1", "user.sock enable agent be/s2", "user.sock set server be/s1 check-port 1");

    @Test
    void jhaproxyAnswersAndActsAsHaproxy() throws Exception {
        Run j = ProxyPair.sameRuns("HealthCommandsIT", HealthCommandsIT::scenario);
        assertEquals("enable health be/s3 => Health check was not configured on this server, cannot enable.\n\n", j.answers.get(0));
        assertTrue(j.lines.contains(W + "Server be/s2 is DOWN, changed from CLI. 2 active and 0 backup servers left. "
                + "0 sessions active, 0 requeued, 0 remaining in queue."), j.lines.toString());
    }

    private record Run(List<String> answers, List<String> lines, List<String> sent) {
    }

    private static Run scenario(Path program) throws Exception {
        Path dir = Files.createTempDirectory("health-cmds");
        List<String> answers = new ArrayList<>();
        Queue<String> sent = new ConcurrentLinkedQueue<>();
        try (TestBackend web = new TestBackend(TestBackend.OK);
             ServerSocket agent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread agentThread = serveAgent(agent, sent);
            Thread probeThread = serveAgent(probe, new ConcurrentLinkedQueue<>());
            int fe = RunningProxy.freePort();
            int closed = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(program, config(dir, fe, web.port(), probe.getLocalPort(),
                    agent.getLocalPort()), "-db").listening(fe)) {
                // the stats socket may come up after the frontend
                await(() -> !command(dir, "show servers state be").isEmpty(), "no stats socket");
                for (String c : FIXED) {
                    answers.add(c + " => " + command(dir, c));
                }
                // a disabled health check leaves its server up, its probe gone
                answers.add(command(dir, "disable health be/s1"));
                awaitState(dir, "s1", 13, "2 ");
                probe.close();
                assertFalse(RunningProxy.within(Duration.ofMillis(1500), () -> p.output().contains("be/s1 is DOWN")),
                        "a disabled check took s1 down:\n" + p.output());
                answers.add("disabled: " + command(dir, "set server be/s1 check-port " + closed));
                answers.add(command(dir, "enable health be/s1"));
                await(p, "be/s1 is DOWN");
                // moved to the web server, the check passes again
                answers.add(command(dir, "set server be/s1 check-addr 127.0.0.1 port " + web.port()));
                await(p, "be/s1 is UP");
                awaitState(dir, "s1", 21, web.port() + " 127.0.0.1");
                // the agent: forced down from the CLI, back up at its next "up"; then told something else
                await(() -> sent.size() > 0, "no agent check");
                answers.add(command(dir, "set server be/s2 agent down"));
                await(p, "be/s2 is UP");
                answers.add(command(dir, "set server be/s2 agent-send hello"));
                await(() -> sent.contains("hello"), "the agent was never sent \"hello\": " + sent);
                answers.add(command(dir, "disable agent be/s2"));
                awaitState(dir, "s2", 14, "18 ");
                answers.add(command(dir, "set server be/s2 agent down"));
                answers.add(command(dir, "enable agent be/s2"));
                awaitState(dir, "s2", 14, "22 ");
                if (program.equals(RunningProxy.jhaproxy())) {
                    p.assertCleanOutput();
                }
                return new Run(answers, ProxyPair.checkMessages(p.output()), sent.stream().distinct().toList());
            } finally {
                agentThread.interrupt();
                probeThread.interrupt();
                probe.close();
            }
        }
    }

    private static void await(RunningProxy p, String marker) {
        assertTrue(RunningProxy.within(Duration.ofSeconds(15), () -> p.output().contains(marker)),
                "no \"" + marker + "\" in:\n" + p.output());
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        assertTrue(RunningProxy.within(Duration.ofSeconds(15), condition), what);
    }

    /** Polls "show servers state be" until field {@code field} of {@code server}'s line starts with {@code wanted}. */
    private static void awaitState(Path dir, String server, int field, String wanted) {
        String[] last = {""};
        boolean seen = RunningProxy.within(Duration.ofSeconds(15), () -> {
            for (String line : command(dir, "show servers state be").split("\n")) {
                String[] f = line.split(" ");
                if (f.length > field && f[3].equals(server)) {
                    last[0] = line;
                    return String.join(" ", List.of(f).subList(field, f.length)).startsWith(wanted);
                }
            }
            return false;
        });
        assertTrue(seen, server + "'s state never had \"" + wanted + "\" at field " + field + ", last: " + last[0]);
    }

    /** An agent (or a bare TCP check target): takes what it is sent in one read, answers "up" and closes. */
    private static Thread serveAgent(ServerSocket agent, Queue<String> sent) {
        return Agent.serve(agent, c -> {
            c.setSoTimeout(500);
            byte[] buf = new byte[256];
            InputStream in = c.getInputStream();
            int n = 0;
            try {
                n = Math.max(0, in.read(buf));
            } catch (IOException nothingSent) {
                // a check sending nothing
            }
            sent.add(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            c.getOutputStream().write("up\n".getBytes(StandardCharsets.US_ASCII));
        });
    }

    /** One command on admin.sock, or on the socket named first ("user.sock ..."). */
    static String command(Path dir, String line) {
        return StatsCli.command(dir, line);
    }
}
