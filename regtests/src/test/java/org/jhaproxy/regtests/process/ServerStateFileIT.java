package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server-state files (configuration.txt "server-state-file", "server-state-base",
 * "load-server-state-from-file", "server-state-file-name"): what "show servers state" printed
 * is applied at start to the servers of the same names: operational and administrative states,
 * weights, ports, the time since the last change, check addresses. Invalid lines, other
 * backends' lines, unknown servers and corrupted files give haproxy's warnings. The same files
 * and configuration run through haproxy where it is installed: the warnings, "show servers
 * state" and the status and weight columns of "show stat" must be the same.
 */
class ServerStateFileIT {
    private static final String HEADER = "1\n# be_id be_name srv_id srv_name srv_addr srv_op_state srv_admin_state"
            + " srv_uweight srv_iweight srv_time_since_last_change srv_check_status srv_check_result srv_check_health"
            + " srv_check_state srv_agent_state bk_f_forced_id srv_f_forced_id srv_fqdn srv_port srvrecord srv_use_ssl"
            + " srv_check_port srv_check_addr srv_agent_addr srv_agent_port\n";

    static String config(Path dir, int fe) {
        return "global\n    stats socket " + dir.resolve("admin.sock") + " level admin\n"
                + "    server-state-base " + dir + "\n    server-state-file global.state\n"
                + "defaults\n    mode http\n    timeout connect 1s\n    timeout client 5s\n    timeout server 5s\n"
                + "    load-server-state-from-file global\n    server-state-file-name ignored\n"
                + "frontend fe\n    bind 127.0.0.1:" + fe + "\n    default_backend be\n"
                + "backend be\n"
                + "    server s1 127.0.0.1:8001\n"
                + "    server s2 127.0.0.1:8002 weight 5\n"
                + "    server s3 127.0.0.1:8003\n"
                + "    server s4 127.0.0.1:8004 disabled\n"
                + "    server s5 127.0.0.1:8005\n"
                + "    server s6 127.0.0.1:8006 weight 4\n"
                + "    server s7 127.0.0.1:8007\n"
                + "backend loc\n    load-server-state-from-file local\n"
                + "    server l1 127.0.0.1:8011\n    server l2 127.0.0.1:8012\n    server l3 127.0.0.1:8013\n"
                + "backend named\n    load-server-state-from-file local\n    server-state-file-name named.state\n"
                + "    server n1 127.0.0.1:8021\n"
                + "backend broken\n    load-server-state-from-file local\n    server b1 127.0.0.1:8031\n"
                + "backend off\n    load-server-state-from-file none\n    server o1 127.0.0.1:8041\n";
    }

    private static String line(String be, int beId, int id, String srv, String rest) {
        return beId + " " + be + " " + id + " " + srv + " " + rest + "\n";
    }

    static void files(Path dir) throws java.io.IOException {
        Files.writeString(dir.resolve("global.state"), HEADER
                + line("be", 3, 1, "s1", "127.0.0.9 2 1 1 1 100 1 0 2 0 0 0 0 - 8101 - 0 0 - - 0")
                + line("be", 3, 2, "s2", "127.0.0.1 2 0 3 5 200 1 0 2 0 0 0 0 - 8002 - 0 0 - - 0")
                + line("be", 3, 3, "s3", "127.0.0.1 0 8 1 1 300 1 0 0 0 0 0 0 - 8003 - 0 0 - - 0")
                + line("be", 3, 4, "s4", "127.0.0.1 2 0 1 1 400 1 0 2 0 0 0 0 - 8004 - 0 0 - - 0")
                + line("be", 3, 5, "s5", "127.0.0.1 9 0 1 1 500 1 0 2 0 0 0 0 - 8005 - 0 0 - - 0")
                + line("be", 3, 6, "s6", "127.0.0.1 2 8 2 3 600 1 0 2 0 0 0 0 - 8006 - 0 0 - - 0")
                + line("be", 3, 7, "s7", "127.0.0.1 3 x 1 1 700 1 0 2 0 0 7 0 - 70000 - 0 0 - - 0")
                + line("be", 3, 8, "s8", "127.0.0.1 2 0 1 1 800 1 0 2 0 0 0 0 - 8008 - 0 0 - - 0")
                + line("off", 7, 1, "o1", "127.0.0.1 2 1 1 1 900 1 0 2 0 0 0 0 - 8041 - 0 0 - - 0"));
        Files.writeString(dir.resolve("loc"), HEADER + "   \n"
                + line("loc", 4, 1, "l1", "127.0.0.1 2 1 1 1 100 1 0 2 0 0 0 0 - 8011 - 0 0 - - 0")
                + line("loc", 9, 2, "l2", "127.0.0.1 2 0 7 1 100 1 0 2 0 0 0 0 - 8012 - 0 0 - - 0")
                + line("lox", 4, 3, "l3", "127.0.0.1 2 1 1 1 100 1 0 2 0 0 0 0 - 8013 - 0 0 - - 0")
                + line("other", 9, 3, "l3", "127.0.0.1 2 1 1 1 100 1 0 2 0 0 0 0 - 8013 - 0 0 - - 0")
                + line("loc", 4, 1, "l1", "127.0.0.1 2 8 1 1 100 1 0 2 0 0 0 0 - 8011 - 0 0 - - 0")
                + line("loc", 4, 9, "l9", "127.0.0.1 2 0 1 1 100 1 0 2 0 0 0 0 - 8019 - 0 0 - - 0"));
        Files.writeString(dir.resolve("named.state"), HEADER
                + line("named", 5, 1, "n1", "127.0.0.1 2 1 1 1 100 1 0 2 0 0 0 0 - 8021 - 0 0 - - 0"));
        Files.writeString(dir.resolve("broken"), HEADER
                + line("broken", 6, 1, "b1", "127.0.0.1 2 1 1 1 100 1 0 2 0 0 0 0 - 8031 - 0 0 - - 0")
                + "6 broken 1 b1 127.0.0.1 2 1\n");
    }

    @Test
    void jhaproxyAppliesStatesAsHaproxy() throws Exception {
        Run j = ProxyPair.sameRuns("ServerStateFileIT", ServerStateFileIT::scenario);
        assertTrue(j.state.contains("3 be 1 s1 127.0.0.1 0 1 1 1 T 1 0 0 0 0 0 0 - 8101 - 0 0 - - 0"), j.state);
    }

    private record Run(List<String> lines, String state, String stat) {
    }

    private static Run scenario(Path program) throws Exception {
        Path dir = Files.createTempDirectory("srv-state");
        files(dir);
        int fe = RunningProxy.freePort();
        try (RunningProxy p = RunningProxy.start(program, config(dir, fe), "-db").listening(fe)) {
            assertTrue(RunningProxy.within(Duration.ofSeconds(15),
                    () -> !StatsCli.command(dir, "show servers state").isEmpty()), "no stats socket");
            String state = normalised(StatsCli.command(dir, "show servers state"));
            StringBuilder stat = new StringBuilder();
            for (String l : StatsCli.command(dir, "show stat").split("\n")) {
                String[] f = l.split(",", -1);
                if (f.length > 20) {
                    // pxname, svname, status, weight, act, bck
                    stat.append(f[0]).append(',').append(f[1]).append(',').append(f[17]).append(',').append(f[18])
                            .append(',').append(f[19]).append(',').append(f[20]).append('\n');
                }
            }
            if (program.equals(RunningProxy.jhaproxy())) {
                p.assertCleanOutput();
            }
            List<String> lines = ProxyPair.warningsAndAlerts(p.output()).map(l -> l.replace(dir.toString(), "DIR")).toList();
            return new Run(lines, state, stat.toString());
        }
    }

    /** The seconds since the last change grow while the test runs: 100 may read 101. */
    private static String normalised(String state) {
        List<String> out = new ArrayList<>();
        for (String l : state.split("\n", -1)) {
            String[] f = l.split(" ");
            if (f.length > 10 && !l.startsWith("#")) {
                f[9] = "T";
            }
            out.add(String.join(" ", f));
        }
        return String.join("\n", out);
    }
}
