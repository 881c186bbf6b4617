package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * `jhaproxy shell` driven through a real terminal (a tmux pane of its own server) against the
 * stats socket of a real haproxy 2.6 process and against jhaproxy's own, the same scenario on
 * both: completion of a command and of a server name, history, `show stat` as a table, a bad
 * command; and the scriptable forms (-c, stdin, an unreachable socket).
 */
class ShellIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String CONFIG = """
            global
                stats socket %s mode 600 level admin
                stats socket ipv4@127.0.0.1:%d level admin
            defaults
                mode http
                timeout connect 1s
                timeout client 5s
                timeout server 5s
            frontend fe_main
                bind 127.0.0.1:%d
                log ring@buf0 local0
                log-format "event %%HU"
                http-request set-header x-backend %%[req.hdr(host),map(%s)]
                default_backend be_app
            backend be_app
                server web1 127.0.0.1:9
                server web2 127.0.0.1:9
            backend be_static
                server s1 127.0.0.1:9 disabled
            """;
    private static Path dir;
    /** fe_main's port on each server process, for the traffic "show events -w" follows. */
    private static final java.util.Map<String, Integer> FE_PORTS = new java.util.HashMap<>();
    /** The TCP stats socket's port on each server process ("jhaproxy shell host:port"). */
    private static final java.util.Map<String, Integer> CLI_PORTS = new java.util.HashMap<>();
    private static Process haproxy;
    private static RunningProxy jhaproxy;

    @BeforeAll
    static void startServers() throws IOException {
        if (!onPath("tmux")) {
            System.out.println("ShellIT skipped: tmux is not installed");
            Assumptions.assumeTrue(false, "tmux is not installed");
        }
        dir = Files.createTempDirectory("jhaproxy-shell");
        Files.writeString(dir.resolve("hosts.map"), "example.com be_app\n");
        // jhaproxy's own socket: the shell must work on it exactly as on haproxy's
        Path jsock = dir.resolve("jhaproxy.sock");
        FE_PORTS.put("jhaproxy", RunningProxy.freePort());
        CLI_PORTS.put("jhaproxy", RunningProxy.freePort());
        jhaproxy = RunningProxy.start(CONFIG.formatted(jsock, CLI_PORTS.get("jhaproxy"), FE_PORTS.get("jhaproxy"),
                dir.resolve("hosts.map")), "-db");
        Path exe = haproxyBinary();
        if (exe != null) {
            Path hsock = dir.resolve("haproxy.sock");
            FE_PORTS.put("haproxy", RunningProxy.freePort());
            CLI_PORTS.put("haproxy", RunningProxy.freePort());
            Files.writeString(dir.resolve("h.cfg"), CONFIG.formatted(hsock, CLI_PORTS.get("haproxy"), FE_PORTS.get("haproxy"),
                    dir.resolve("hosts.map")));
            haproxy = new ProcessBuilder(exe.toString(), "-f", "h.cfg", "-db").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.out").toFile()).start();
            assertTrue(RunningProxy.within(DEADLINE, () -> Files.exists(hsock) || !haproxy.isAlive()));
            assertTrue(haproxy.isAlive(), "haproxy did not start: " + Files.readString(dir.resolve("haproxy.out")));
        }
        assertTrue(RunningProxy.within(Duration.ofSeconds(60), () -> Files.exists(jsock) || !jhaproxy.isAlive()));
        assertTrue(jhaproxy.isAlive(), "jhaproxy did not start: " + jhaproxy.output());
    }

    @AfterAll
    static void stopServers() throws InterruptedException, IOException {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
        if (jhaproxy != null) {
            jhaproxy.assertCleanOutput();
            jhaproxy.close();
        }
    }

    /** The stats socket of one server process ("haproxy" or "jhaproxy"); haproxy's only where installed. */
    private static Path socket(String server) {
        if (server.equals("haproxy") && haproxy == null) {
            System.out.println("ShellIT on haproxy skipped: haproxy is not installed");
            Assumptions.assumeTrue(false, "haproxy is not installed");
        }
        return dir.resolve(server + ".sock");
    }

    @ParameterizedTest
    @ValueSource(strings = {"haproxy", "jhaproxy"})
    void interactiveCompletionHistoryTableAndBadCommand(String server) throws Exception {
        Path socket = socket(server);
        Path home = Files.createDirectories(dir.resolve("home-" + server));
        try (Pane pane = Pane.start(dir.resolve("tmux-" + server + ".sock"), "JHAPROXY_JAVA_OPTS=-Duser.home=" + home,
                RunningProxy.jhaproxy() + " shell " + socket)) {
            String prompt = socket + "> ";
            pane.await("the prompt", s -> lastLine(s).equals(prompt.trim()));

            // a command word: "disa" is only "disable"
            pane.keys("disa", "Tab");
            pane.await("'disable' completed", s -> lastLine(s).equals(prompt + "disable"));
            pane.keys("serv", "Tab");
            pane.await("'server' completed", s -> lastLine(s).equals(prompt + "disable server"));
            // a server name from the live socket: both of be_app's servers are offered
            pane.keys("be_app/", "Tab");
            pane.await("be_app's servers listed", s -> s.contains("be_app/web1") && s.contains("be_app/web2")
                    && !s.contains("be_static/s1"));
            pane.await("the common part completed", s -> s.contains(prompt + "disable server be_app/web"));
            pane.keys("1", "Enter");

            // show stat as a table: aligned columns, the server just disabled in MAINT
            pane.keys("show stat", "Enter");
            pane.await("the stat table", s -> s.contains("pxname     svname    status")
                    && s.matches("(?s).*\\nbe_app     web1      MAINT .*")
                    && s.matches("(?s).*\\nfe_main    FRONTEND  OPEN .*"));

            // a bad command: haproxy's own answer
            pane.keys("frobnicate now", "Enter");
            pane.await("haproxy's answer to a bad command",
                    s -> s.contains("Unknown command, but maybe one of the following ones is a better match:"));
            pane.await("the prompt again", s -> lastLine(s).equals(prompt.trim()));

            // history: up arrow recalls the lines in reverse order
            pane.keys("Up");
            pane.await("the last line recalled", s -> lastLine(s).equals(prompt + "frobnicate now"));
            pane.keys("Up");
            pane.await("the line before recalled", s -> lastLine(s).equals(prompt + "show stat"));
            pane.keys("C-u", "C-d");
            assertTrue(RunningProxy.within(DEADLINE, () -> !pane.alive()), "ctrl-d ends the shell");
        }
        List<String> history = Files.readAllLines(home.resolve(".jhaproxy_history"));
        assertEquals(List.of("disable server be_app/web1", "show stat", "frobnicate now"),
                history.stream().map(l -> l.substring(l.indexOf(':') + 1)).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"haproxy", "jhaproxy"})
    void mapNamesCompleteFromTheLiveSocket(String server) throws Exception {
        Path socket = socket(server);
        Path home = Files.createDirectories(dir.resolve("home-maps-" + server));
        try (Pane pane = Pane.start(dir.resolve("tmux-maps-" + server + ".sock"), "JHAPROXY_JAVA_OPTS=-Duser.home=" + home,
                RunningProxy.jhaproxy() + " shell " + socket)) {
            String prompt = socket + "> ";
            pane.await("the prompt", s -> lastLine(s).equals(prompt.trim()));
            // the only map the process loaded, as `show map` names it
            pane.keys("show map ", "Tab");
            pane.await("the map file completed", s -> lastLine(s).equals(prompt + "show map " + dir.resolve("hosts.map")));
            pane.keys("Enter");
            pane.await("the map's entry", s -> s.contains(" example.com be_app"));
            pane.await("the prompt again", s -> lastLine(s).equals(prompt.trim()));
            pane.keys("C-u", "C-d");
            assertTrue(RunningProxy.within(DEADLINE, () -> !pane.alive()), "ctrl-d ends the shell");
        }
    }

    /**
     * "show events buf0 -w": the events kept, then each new one printed as it comes; a key ends
     * the command (the shell shuts its side) and is not typed into the next line.
     */
    @ParameterizedTest
    @ValueSource(strings = {"haproxy", "jhaproxy"})
    void showEventsFollowsTheRingUntilAKey(String server) throws Exception {
        Path socket = socket(server);
        Path home = Files.createDirectories(dir.resolve("home-events-" + server));
        int fe = FE_PORTS.get(server);
        RawHttp.exchange(fe, "GET /before HTTP/1.0\r\n\r\n");
        try (Pane pane = Pane.start(dir.resolve("tmux-events-" + server + ".sock"), "JHAPROXY_JAVA_OPTS=-Duser.home=" + home,
                RunningProxy.jhaproxy() + " shell " + socket)) {
            String prompt = socket + "> ";
            pane.await("the prompt", s -> lastLine(s).equals(prompt.trim()));
            pane.keys("show events buf0 -w", "Enter");
            // the event kept is shown: the command is under way
            pane.await("the event kept", s -> lastLine(s).endsWith(" event /before"));
            RawHttp.exchange(fe, "GET /followed HTTP/1.0\r\n\r\n");
            pane.await("the new event", s -> lastLine(s).endsWith(" event /followed"));
            pane.keys("q");
            pane.await("the prompt again, the key not typed into it", s -> lastLine(s).equals(prompt.trim()));
            pane.keys("C-d");
            assertTrue(RunningProxy.within(DEADLINE, () -> !pane.alive()), "ctrl-d ends the shell");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"haproxy", "jhaproxy"})
    void commandFlagPrintsTheRawAnswer(String server) throws Exception {
        Path socket = socket(server);
        Run run = Run.of(null, RunningProxy.jhaproxy().toString(), "shell", socket.toString(), "-c", "show backend");
        assertEquals(new Run(0, "# name\nbe_app\nbe_static\n\n"), run);
    }

    /** The same, through the TCP stats socket named as host:port. */
    @ParameterizedTest
    @ValueSource(strings = {"haproxy", "jhaproxy"})
    void aTcpSocketNamedHostPort(String server) throws Exception {
        socket(server);
        Run run = Run.of(null, RunningProxy.jhaproxy().toString(), "shell", "127.0.0.1:" + CLI_PORTS.get(server), "-c",
                "show backend");
        assertEquals(new Run(0, "# name\nbe_app\nbe_static\n\n"), run);
    }

    /**
     * `watch -n 0.5 show stat` redraws the table until a key: a change made meanwhile through the
     * socket shows on the next redraw; the key is not typed into the next line. Then `help show
     * serv` lists only the commands that start with those words.
     */
    @ParameterizedTest
    @ValueSource(strings = {"haproxy", "jhaproxy"})
    void watchRedrawsUntilAKeyAndHelpNarrowsToAPrefix(String server) throws Exception {
        Path socket = socket(server);
        Path home = Files.createDirectories(dir.resolve("home-watch-" + server));
        try (Pane pane = Pane.start(dir.resolve("tmux-watch-" + server + ".sock"), "JHAPROXY_JAVA_OPTS=-Duser.home=" + home,
                RunningProxy.jhaproxy() + " shell " + socket)) {
            String prompt = socket + "> ";
            pane.await("the prompt", s -> lastLine(s).equals(prompt.trim()));
            pane.keys("watch -n 0.5 show stat", "Enter");
            pane.await("the first drawing", s -> s.contains("Every 0.5s: show stat") && s.contains("pxname     svname    status")
                    && s.matches("(?s).*\\nbe_static  s1        MAINT .*"));
            assertEquals("\n", StatsCli.ask(socket, "disable server be_app/web2\n"));
            try {
                pane.await("a redrawing with the change", s -> s.matches("(?s).*\\nbe_app     web2      MAINT .*"));
                pane.keys("q");
                pane.await("the prompt again, the key not typed into it", s -> lastLine(s).equals(prompt.trim()));
            } finally {
                StatsCli.ask(socket, "enable server be_app/web2\n");
            }
            pane.keys("help show serv", "Enter");
            pane.await("the commands that start with 'show serv'", s -> s.contains("show servers conn")
                    && s.contains("show servers state") && lastLine(s).equals(prompt.trim()));
            String help = pane.screen();
            assertTrue(!help.substring(help.lastIndexOf("help show serv")).contains("show stat"), help);
            pane.keys("C-d");
            assertTrue(RunningProxy.within(DEADLINE, () -> !pane.alive()), "ctrl-d ends the shell");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"haproxy", "jhaproxy"})
    void commandsOnStdinOneAnswerEach(String server) throws Exception {
        Path socket = socket(server);
        Run run = Run.of("show backend\nfrobnicate\n", RunningProxy.jhaproxy().toString(), "shell", socket.toString());
        assertEquals(0, run.exit());
        assertTrue(run.output().startsWith("# name\nbe_app\nbe_static\n\nUnknown command"), run.output());
    }

    @Test
    void anUnreachableSocketIsNamedWithItsErrno() throws Exception {
        Path missing = dir.resolve("missing.sock");
        Run run = Run.of(null, RunningProxy.jhaproxy().toString(), "shell", missing.toString(), "-c", "show info");
        assertEquals(new Run(1, "jhaproxy shell: cannot reach " + missing + ": No such file or directory\n"), run);
    }

    private static String lastLine(String screen) {
        String[] lines = screen.stripTrailing().split("\n");
        return lines[lines.length - 1].stripTrailing();
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    private static Path haproxyBinary() {
        List<String> dirs = new ArrayList<>(List.of(System.getenv("PATH").split(":")));
        dirs.addAll(List.of("/usr/sbin", "/usr/local/sbin"));
        return dirs.stream().map(d -> Path.of(d, "haproxy")).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** A finished program: its exit status and its merged output. */
    record Run(int exit, String output) {
        static Run of(String stdin, String... cmd) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            if (stdin != null) {
                p.getOutputStream().write(stdin.getBytes(StandardCharsets.ISO_8859_1));
            }
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            return new Run(p.exitValue(), out);
        }
    }

    /** A 200x50 tmux pane on a private tmux server, so no other tmux user is disturbed. */
    record Pane(Path server) implements AutoCloseable {
        static Pane start(Path server, String env, String command) throws IOException, InterruptedException {
            Pane pane = new Pane(server);
            pane.tmux("new-session", "-d", "-s", "shell", "-x", "200", "-y", "50", "env " + env + " " + command);
            return pane;
        }

        void keys(String... keys) throws IOException, InterruptedException {
            List<String> args = new ArrayList<>(List.of("send-keys", "-t", "shell"));
            args.addAll(List.of(keys));
            tmux(args.toArray(String[]::new));
        }

        String screen() {
            try {
                return tmux("capture-pane", "-p", "-t", "shell");
            } catch (IOException | InterruptedException e) {
                return "";
            }
        }

        boolean alive() {
            try {
                return tmux("has-session", "-t", "shell") != null;
            } catch (IOException | InterruptedException e) {
                return false;
            }
        }

        /** Polls the screen until {@code condition} holds; the screen is in the failure message. */
        void await(String what, Predicate<String> condition) {
            if (!RunningProxy.within(DEADLINE, () -> condition.test(screen()))) {
                throw new AssertionError("no " + what + " on the terminal within " + DEADLINE.toSeconds()
                        + " s; the screen:\n" + screen());
            }
        }

        private String tmux(String... args) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of("tmux", "-S", server.toString()));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("tmux " + String.join(" ", args) + ": " + out);
            }
            return out;
        }

        @Override
        public void close() {
            try {
                tmux("kill-server");
            } catch (IOException | InterruptedException e) {
                // the server ended with its last session
            }
        }
    }
}
