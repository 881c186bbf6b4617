package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The check and agent columns of "show stat" (management.txt 9.1): check_status, check_code,
 * check_duration, last_chk, check_desc, rise/fall/health, chkfail, chkdown, downtime, lastchg,
 * the agent's, and the backends' chkdown/lastchg/downtime, for a server passing an HTTP check,
 * one failing with a 503 (L7STS), one refused (L4CON), one with an agent answering "up", one
 * whose check is in progress ("* INI"), one without check, one in maintenance, and a backend
 * whose only server is down. haproxy runs the same scenario; ages and durations are the only
 * values normalised (to "N" where haproxy fills them).
 */
class StatsCheckFieldsIT {
    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final List<String> FIELDS = List.of("status", "lastchg", "chkfail", "chkdown", "downtime",
            "check_status", "check_code", "check_duration", "last_chk", "check_desc", "check_rise", "check_fall",
            "check_health", "agent_status", "agent_code", "agent_duration", "agent_desc", "last_agt", "agent_rise",
            "agent_fall", "agent_health", "hanafail");
    private static final List<String> TIMES = List.of("lastchg", "downtime", "check_duration", "agent_duration");

    @Test
    void jhaproxy() throws Exception {
        List<String> rows = rows(RunningProxy.jhaproxy());
        if (Files.isExecutable(HAPROXY)) {
            assertEquals(rows(HAPROXY), rows);
        } else {
            System.out.println("StatsCheckFieldsIT: " + HAPROXY + " is not installed, jhaproxy alone is checked");
        }
        assertTrue(rows.contains("be2,BACKEND,status=DOWN,lastchg=N,chkdown=1,downtime=N"), rows.toString());
    }

    private static String config(Path socket, int fe, int ok, int bad, int closed, int agent, int silent) {
        return "global\n    stats socket " + socket + " mode 600 level admin\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend be\n"
                + "backend be\n    option httpchk\n    timeout check 2s\n"
                + "    server ok 127.0.0.1:" + ok + " check inter 100ms\n"
                + "    server bad 127.0.0.1:" + bad + " check inter 100ms\n"
                + "    server refused 127.0.0.1:" + closed + " check inter 100ms\n"
                + "    server agent 127.0.0.1:" + ok + " check inter 100ms agent-check agent-port " + agent
                + " agent-inter 100ms\n"
                + "    server nochk 127.0.0.1:" + ok + "\n"
                + "    server maint 127.0.0.1:" + ok + " check disabled\n"
                + "backend slow\n    option httpchk\n    timeout check 30s\n"
                + "    server silent 127.0.0.1:" + silent + " check inter 100ms\n"
                + "backend be2\n    server refused 127.0.0.1:" + closed + " check inter 100ms\n";
    }

    private static List<String> rows(Path program) throws Exception {
        Path dir = Files.createTempDirectory("stats-check-fields");
        Path sock = dir.resolve("admin.sock");
        try (TestBackend ok = new TestBackend(TestBackend.OK);
             TestBackend bad = new TestBackend((head, out) -> {
                 out.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                 out.flush();
                 return false;
             });
             ServerSocket agent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread agentThread = answerUp(agent);
            int fe = RunningProxy.freePort();
            int closed = RunningProxy.freePort();
            String cfg = config(sock, fe, ok.port(), bad.port(), closed, agent.getLocalPort(), silent.getLocalPort());
            try (RunningProxy p = RunningProxy.start(program, cfg, "-db")) {
                List<String> rows = new ArrayList<>();
                assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> settled(read(sock, rows))),
                        program + " never settled: " + rows);
                return rows;
            } finally {
                agentThread.interrupt();
            }
        }
    }

    /** Every check has ended once, the silent server's is running, no other check is running. */
    private static boolean settled(List<String> rows) {
        return rows.stream().anyMatch(r -> r.startsWith("be,bad,status=DOWN,"))
                && rows.stream().anyMatch(r -> r.startsWith("be,refused,status=DOWN,"))
                && rows.stream().anyMatch(r -> r.startsWith("be2,refused,status=DOWN,"))
                && rows.stream().anyMatch(r -> r.startsWith("be,agent,") && r.contains("agent_status=L7OK,"))
                && rows.stream().anyMatch(r -> r.startsWith("be,ok,") && r.contains("check_status=L7OK,"))
                && rows.stream().anyMatch(r -> r.startsWith("slow,silent,") && r.contains("check_status=* INI,"))
                && rows.stream().filter(r -> !r.startsWith("slow,")).noneMatch(r -> r.contains("_status=* "));
    }

    /** The agent answers "up" to each connection and closes. */
    private static Thread answerUp(ServerSocket agent) {
        return Agent.serve(agent, c -> c.getOutputStream().write("up\n".getBytes(StandardCharsets.US_ASCII)));
    }

    /** An age or a duration, but not the u64 -1 of a check without duration (HANA). */
    private static boolean time(String name, String v) {
        return TIMES.contains(name) && !v.equals("18446744073709551615");
    }

    /** "show stat" as "pxname,svname,field=value,..." with the non-empty {@link #FIELDS}. */
    static List<String> read(Path sock, List<String> into) {
        into.clear();
        try {
            String[] lines = StatsCli.answer(sock, "show stat\n").split("\n");
            List<String> header = List.of(lines[0].substring(2).split(",", -1));
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isEmpty()) {
                    continue;
                }
                String[] f = lines[i].split(",", -1);
                StringBuilder row = new StringBuilder(f[0]).append(',').append(f[1]);
                for (String name : FIELDS) {
                    String v = f[header.indexOf(name)];
                    if (!v.isEmpty()) {
                        row.append(',').append(name).append('=').append(time(name, v) ? "N" : v);
                    }
                }
                into.add(row.toString());
            }
        } catch (IOException | RuntimeException notYet) {
            // the socket is not there yet, or the output is not complete: the caller polls again
            into.clear();
        }
        return into;
    }
}
