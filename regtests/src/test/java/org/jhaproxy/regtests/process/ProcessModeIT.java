package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.regtests.ProgramRun;
import org.junit.jupiter.api.Test;

/**
 * "daemon" and "pidfile" in the global section act as -D and -p do (configuration.txt 3.1,
 * management.txt 3): the parent returns 0 once the child listens in its own session with its
 * pid in the file; -db keeps the process in the foreground and no pidfile is written; -p takes
 * precedence ("'pidfile' already specified"). And the start failures of chroot and identity,
 * with haproxy's alerts and status. Each case runs through haproxy too where it is installed.
 */
class ProcessModeIT {

    @Test
    void daemonKeywordDetachesAndWritesThePidfile() throws Exception {
        for (Path program : programs()) {
            daemon(program, List.of(), "p.pid", "");
        }
    }

    @Test
    void minusPTakesPrecedenceOverThePidfileKeyword() throws Exception {
        for (Path program : programs()) {
            daemon(program, List.of("-p", "cmd.pid"), "cmd.pid",
                    "[ALERT] config : parsing [t.cfg:3] : 'pidfile' already specified. Continuing.");
        }
    }

    @Test
    void minusDbKeepsADaemonConfigurationInTheForeground() throws Exception {
        for (Path program : programs()) {
            Path dir = ProcessIdentityIT.directory();
            int port = RunningProxy.freePort();
            try (TestBackend be = new TestBackend(TestBackend.OK);
                 RunningProxy p = RunningProxy.start(program, config(dir, port, be.port(), ""), "-db").listening(port)) {
                assertTrue(RawHttp.exchangeOnceBound(port, "GET / HTTP/1.1\r\nhost: a\r\nconnection: close\r\n\r\n",
                        Duration.ofSeconds(20)).startsWith("HTTP/1.1 200 OK\r\n"));
                assertTrue(p.isAlive(), program + ": " + p.output());
                assertFalse(Files.exists(dir.resolve("p.pid")), program + " wrote a pidfile in the foreground");
            } finally {
                ProcessIdentityIT.delete(dir);
            }
        }
    }

    @Test
    void aPidfileThatCannotBeCreatedEndsTheDaemonStart() throws Exception {
        for (Path program : programs()) {
            failure(program, List.of(), "    pidfile /nonexistent/p.pid\n", "-D",
                    List.of("[ALERT] [PROG.main()] Cannot create pidfile /nonexistent/p.pid"));
        }
    }

    @Test
    void aMissingChrootDirectoryEndsTheStart() throws Exception {
        if (!ProcessIdentityIT.root("the chroot failure")) {
            return;
        }
        for (Path program : programs()) {
            failure(program, List.of(), "    chroot /nonexistent/jail\n",
                    List.of("[ALERT] [PROG.main()] Cannot chroot(/nonexistent/jail)."));
        }
    }

    @Test
    void aUserThatCannotBeTakenEndsTheStart() throws Exception {
        if (!ProcessIdentityIT.root("the identity failures (run as nobody through setpriv)")) {
            return;
        }
        List<String> asNobody = List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups");
        for (Path program : programs()) {
            failure(program, asNobody, "    user daemon\n", List.of("[ALERT] [PROG.main()] Cannot set uid 1."));
            failure(program, asNobody, "    user nobody\n    group daemon\n", List.of("[ALERT] [PROG.main()] Cannot set gid 1."));
            failure(program, List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--groups=1"), "    group daemon\n", List.of(
                    "[WARNING] [PROG.main()] Failed to drop supplementary groups. Using 'gid'/'group' without 'uid'/'user' is generally useless.",
                    "[ALERT] [PROG.main()] Cannot set gid 1."));
        }
    }

    /** What one program gives for a scenario. */
    interface Scenario<T> {
        T on(Path program) throws Exception;
    }

    /**
     * The differential check: {@code scenario} on jhaproxy must give {@code expected}, and on
     * haproxy, where it is installed, the same.
     */
    static <T> void sameOnEach(T expected, Scenario<T> scenario) throws Exception {
        List<T> results = new ArrayList<>();
        for (Path program : programs()) {
            results.add(scenario.on(program));
        }
        org.junit.jupiter.api.Assertions.assertEquals(expected, results.get(0), "jhaproxy");
        if (results.size() > 1) {
            org.junit.jupiter.api.Assertions.assertEquals(results.get(1), results.get(0), "jhaproxy against haproxy");
        }
    }

    static List<Path> programs() {
        List<Path> all = new ArrayList<>(List.of(RunningProxy.jhaproxy()));
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy == null) {
            System.out.println("ProcessModeIT: haproxy is not installed, the differential runs are skipped");
        } else {
            all.add(haproxy);
        }
        return all;
    }

    private static String config(Path dir, int port, int backend, String global) {
        return "global\n    daemon\n    pidfile " + dir.resolve("p.pid") + "\n" + global + "\n" + SignalIT.httpConfig(port, backend);
    }

    private static void daemon(Path program, List<String> flags, String pidFile, String messages) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        int port = RunningProxy.freePort();
        try (TestBackend be = new TestBackend(TestBackend.OK)) {
            Files.writeString(dir.resolve("t.cfg"), config(dir, port, be.port(), ""));
            List<String> cmd = new ArrayList<>(List.of(program.toString(), "-f", "t.cfg"));
            cmd.addAll(flags);
            ProgramRun parent = ProgramRun.run(dir, cmd, Map.of());
            assertEquals(0, parent.exitCode(), program + ": " + parent.output());
            assertEquals(messages, parent.normalized(dir).strip(), program.toString());
            long pid = Long.parseLong(Files.readString(dir.resolve(pidFile)).trim());
            ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(program + ": no process " + pid));
            try {
                // its own session (setsid), without a terminal
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                assertEquals(Long.toString(pid), fields[3], program + " session: " + stat);
                assertEquals("0", fields[4], program + " tty: " + stat);
                assertTrue(RawHttp.exchangeOnceBound(port, "GET / HTTP/1.1\r\nhost: a\r\nconnection: close\r\n\r\n",
                        Duration.ofSeconds(20)).startsWith("HTTP/1.1 200 OK\r\n"));
                new ProcessBuilder("kill", "-USR1", Long.toString(pid)).start().waitFor();
                assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> !daemon.isAlive()), program + " did not stop");
            } finally {
                daemon.destroyForcibly();
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    /** Starts in the foreground (prefixed by {@code as}); exit 1 with these alerts and warnings. */
    private static void failure(Path program, List<String> as, String global, List<String> expected) throws Exception {
        failure(program, as, global, "-db", expected);
    }

    private static void failure(Path program, List<String> as, String global, String mode, List<String> expected)
            throws Exception {
        Path dir = ProcessIdentityIT.directory();
        int port = RunningProxy.freePort();
        try {
            Files.writeString(dir.resolve("t.cfg"), "global\n" + global + "\n" + SignalIT.httpConfig(port, port));
            List<String> cmd = new ArrayList<>(as);
            cmd.addAll(List.of(program.toString(), "-f", dir.resolve("t.cfg").toString(), mode));
            ProgramRun run = ProgramRun.run(dir, cmd, Map.of());
            assertEquals(1, run.exitCode(), program + ": " + run.output());
            List<String> lines = new ArrayList<>();
            for (String l : run.normalized(dir).split("\n")) {
                if (!l.isBlank()) {
                    lines.add(l.replaceFirst("\\[[^ \\]]*\\.main\\(\\)\\]", "[PROG.main()]"));
                }
            }
            assertEquals(expected, lines, program + " as " + as);
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }
}
