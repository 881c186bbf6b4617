package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.regtests.ProgramRun;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A seamless reload (management.txt 4, "-x"): the new process asks the old one's stats socket
 * ("expose-fd listeners") for its listening sockets with "_getsocks", takes them over instead
 * of binding, then "-sf" soft-stops the old one; a client connecting all the while is never
 * refused. Between every pair of haproxy and jhaproxy, haproxy's where installed.
 */
class SeamlessReloadIT {

    private static String config(Path sock, int port, String socketOptions) {
        return "global\n    stats socket " + sock + " mode 600 level admin " + socketOptions + "\n\n"
                + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 10s\n    timeout server 10s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n"
                + "    http-request return status 200 content-type text/plain string \"hello\"\n";
    }

    private static Path haproxyOrSkip() {
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy == null) {
            System.out.println("SeamlessReloadIT: haproxy is not installed, the haproxy side is skipped");
        }
        Assumptions.assumeTrue(haproxy != null, "haproxy is not installed");
        return haproxy;
    }

    @Test
    void haproxyTakesOverJhaproxysListeners() throws Exception {
        reload(RunningProxy.jhaproxy(), haproxyOrSkip());
    }

    @Test
    void jhaproxyTakesOverHaproxysListeners() throws Exception {
        reload(haproxyOrSkip(), RunningProxy.jhaproxy());
    }

    @Test
    void jhaproxyTakesOverJhaproxysListeners() throws Exception {
        reload(RunningProxy.jhaproxy(), RunningProxy.jhaproxy());
    }

    /**
     * {@code old} serves; {@code fresh} starts with "-x old's socket -sf old's pid" while a
     * client connects again and again: the old process exits 0, the new one serves the same
     * port and the same stats socket, no connection failed, nothing could not bind.
     */
    private static void reload(Path old, Path fresh) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        int port = RunningProxy.freePort();
        Path sock = dir.resolve("admin.sock");
        String cfg = config(sock, port, "expose-fd listeners");
        try (RunningProxy first = RunningProxy.start(old, cfg, "-db").listening(port)) {
            assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> Files.exists(sock)), first.output());
            java.util.Set<String> before = listeningInodes(port);
            assertEquals(1, before.size(), before.toString());
            SteadyClient client = new SteadyClient("reload-client", port);
            client.start();
            try {
                assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> client.ok.get() >= 20), "no answer before the reload");
                try (RunningProxy second = RunningProxy.start(fresh, cfg, "-db", "-x", sock.toString(), "-sf",
                        Long.toString(first.pid()))) {
                    assertEquals(0, first.exitWithin(Duration.ofSeconds(60)), first.output());
                    int served = client.ok.get();
                    assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> client.ok.get() >= served + 20),
                            "the new process does not answer: " + second.output());
                    client.finish();
                    assertEquals(List.of(), client.failures, second.output());
                    assertTrue(second.isAlive(), second.output());
                    // the very socket the old process listened on, not a new one bound beside it
                    assertEquals(before, listeningInodes(port), "the new process bound a socket of its own");
                    String out = second.output();
                    assertFalse(out.contains("cannot bind") || out.contains("[ALERT]") || out.contains("[WARNING]"), out);
                    // the stats socket was handed over too: the new process answers on it
                    String pid = "Pid: " + second.pid();
                    assertTrue(RunningProxy.within(Duration.ofSeconds(10), () -> cli(sock, "show info\n").contains(pid)),
                            cli(sock, "show info\n"));
                    String oldOut = first.output();
                    assertTrue(oldOut.contains("Proxy fe stopped") && oldOut.contains("Proxy GLOBAL stopped"), oldOut);
                    if (old.equals(RunningProxy.jhaproxy())) {
                        first.assertCleanOutput();
                    }
                    if (fresh.equals(RunningProxy.jhaproxy())) {
                        second.assertCleanOutput();
                    }
                }
            } finally {
                client.finish();
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
    }

    /**
     * "_getsocks" on a socket without "expose-fd listeners": the connection closes without a
     * byte, and "-x" on it stops the start with haproxy's warning and alert.
     */
    @Test
    void getsocksNeedsExposeFd() throws Exception {
        List<Path> programs = new ArrayList<>(List.of(RunningProxy.jhaproxy()));
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy != null) {
            programs.add(haproxy);
        } else {
            System.out.println("SeamlessReloadIT: haproxy is not installed, compared with the expected text only");
        }
        for (Path program : programs) {
            Path dir = ProcessIdentityIT.directory();
            int port = RunningProxy.freePort();
            Path sock = dir.resolve("admin.sock");
            try (RunningProxy p = RunningProxy.start(program, config(sock, port, ""), "-db").listening(port)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> Files.exists(sock)), p.output());
                assertEquals("", cli(sock, "_getsocks\n"), program.toString());
                Files.writeString(dir.resolve("n.cfg"), config(dir.resolve("n.sock"), RunningProxy.freePort(), ""));
                for (String from : List.of(sock.toString(), dir.resolve("none.sock").toString())) {
                    ProgramRun run = ProgramRun.run(dir, List.of(program.toString(), "-f", "n.cfg", "-db", "-x", from), Map.of());
                    assertEquals(1, run.exitCode(), run.output());
                    String warning = from.equals(sock.toString()) ? "Failed to get the number of sockets to be transferred !"
                            : "Failed to connect to the old process socket '" + from + "'";
                    assertTrue(run.output().contains("[WARNING]") && run.output().contains(") : " + warning + "\n"), run.output());
                    assertTrue(run.output().contains("[ALERT]") && run.output().contains(
                            ") : Failed to get the sockets from the old process!\n"), run.output());
                }
            } finally {
                ProcessIdentityIT.delete(dir);
            }
        }
    }

    /** The inodes of the sockets listening on TCP {@code port} (/proc/net/tcp, state 0A). */
    private static java.util.Set<String> listeningInodes(int port) throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        String hexPort = String.format(":%04X", port);
        for (String line : Files.readAllLines(Path.of("/proc/net/tcp"))) {
            String[] w = line.trim().split("\\s+");
            if (w.length > 9 && w[1].endsWith(hexPort) && w[3].equals("0A")) {
                out.add(w[9]);
            }
        }
        return out;
    }

    /** What the stats socket at {@code sock} answers to {@code command}, up to its close. */
    private static String cli(Path sock, String command) {
        try {
            return StatsCli.answer(sock, command);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
