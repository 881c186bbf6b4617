package org.jhaproxy.regtests.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Master-worker mode (management.txt 4 "-W", 9.4 master CLI), on jhaproxy and on haproxy
 * where installed, compared: a reload by SIGUSR2 under a client that connects all the while
 * (never refused), "show proc" and "@1" forwarding on the master CLI, SIGTERM ending every
 * process with haproxy's messages and status, and a worker killed by SIGKILL taking its master
 * with it (exit-on-failure).
 */
class MasterWorkerIT {
    private static final Pattern FORKED = Pattern.compile("New worker \\((\\d+)\\) forked");

    private static String config(Path sock, int port) {
        return "global\n    stats socket " + sock + " mode 600 level admin\n\n"
                + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 10s\n    timeout server 10s\n\n"
                + "frontend fe\n    bind 127.0.0.1:" + port + "\n"
                + "    http-request return status 200 content-type text/plain string \"hello\"\n";
    }

    private static List<Path> programs() {
        List<Path> out = new ArrayList<>(List.of(RunningProxy.jhaproxy()));
        Path haproxy = HealthCheckIT.haproxy();
        if (haproxy != null) {
            out.add(haproxy);
        } else {
            System.out.println("MasterWorkerIT: haproxy is not installed, jhaproxy is checked alone");
        }
        return out;
    }

    @Test
    void reloadShowProcForwardAndStop() throws Exception {
        List<String> transcripts = new ArrayList<>();
        for (Path program : programs()) {
            transcripts.add(reload(program));
        }
        if (transcripts.size() == 2) {
            assertEquals(transcripts.get(1), transcripts.get(0));
        }
    }

    private static String reload(Path program) throws Exception {
        Path dir = ProcessIdentityIT.directory();
        int port = RunningProxy.freePort();
        Path sock = dir.resolve("admin.sock");
        Path master = dir.resolve("master.sock");
        StringBuilder transcript = new StringBuilder();
        try (RunningProxy p = RunningProxy.start(program, config(sock, port), "-W", "-S", master.toString()).listening(port)) {
            assertTrue(RunningProxy.within(Duration.ofSeconds(60), () -> count(p.output(), "Loading success.") == 1), p.output());
            long first = workers(p.output()).get(0);
            String proc = cli(master, "show proc\n");
            transcript.append(normalise(proc, p.pid(), List.of(first)));
            String info = cli(master, "@1 show info\n");
            assertTrue(info.contains("\nPid: " + first + "\n"), info);
            transcript.append(normalise(cli(master, "@!" + first + " show cli level; show cli level\n"), p.pid(), List.of(first)));
            transcript.append(normalise(cli(master, "@2 show info\n"), p.pid(), List.of(first)));
            transcript.append(normalise(cli(master, "help\n"), p.pid(), List.of(first)));
            transcript.append(normalise(cli(master, "prompt\n@1\nshow cli level\n@\nshow cli level\n"), p.pid(), List.of(first)));
            SteadyClient client = new SteadyClient("mworker-client", port);
            client.start();
            try {
                assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> client.ok.get() >= 20), "no answer before the reload");
                p.signal("USR2");
                assertTrue(RunningProxy.within(Duration.ofSeconds(60), () -> p.output().contains("Former worker")), p.output());
                int served = client.ok.get();
                assertTrue(RunningProxy.within(Duration.ofSeconds(30), () -> client.ok.get() >= served + 20), p.output());
            } finally {
                client.finish();
            }
            assertEquals(List.of(), client.failures, p.output());
            List<Long> pids = workers(p.output());
            assertEquals(2, pids.size(), p.output());
            transcript.append(normalise(cli(master, "show proc\n"), p.pid(), pids));
            assertTrue(cli(master, "@1 show info\n").contains("\nPid: " + pids.get(1) + "\n"));
            p.signal("TERM");
            assertEquals(0, p.exitWithin(Duration.ofSeconds(30)), p.output());
            transcript.append(masterLines(p.output(), p.pid(), pids));
            if (program.equals(RunningProxy.jhaproxy())) {
                p.assertCleanOutput();
            }
        } finally {
            ProcessIdentityIT.delete(dir);
        }
        return transcript.toString();
    }

    @Test
    void killedWorkerStopsTheMaster() throws Exception {
        List<String> transcripts = new ArrayList<>();
        for (Path program : programs()) {
            Path dir = ProcessIdentityIT.directory();
            int port = RunningProxy.freePort();
            try (RunningProxy p = RunningProxy.start(program, config(dir.resolve("admin.sock"), port), "-W").listening(port)) {
                assertTrue(RunningProxy.within(Duration.ofSeconds(60), () -> p.output().contains("Loading success.")), p.output());
                List<Long> pids = workers(p.output());
                new ProcessBuilder("kill", "-KILL", Long.toString(pids.get(0))).inheritIO().start().waitFor();
                assertEquals(137, p.exitWithin(Duration.ofSeconds(30)), p.output());
                transcripts.add(masterLines(p.output(), p.pid(), pids));
            } finally {
                ProcessIdentityIT.delete(dir);
            }
        }
        assertTrue(transcripts.get(0).contains("[ALERT]    (<master>) : Current worker (<worker1>) exited with code 137 (Killed)\n"
                + "[ALERT]    (<master>) : exit-on-failure: killing every processes with SIGTERM\n"
                + "[WARNING]  (<master>) : All workers exited. Exiting... (137)\n"), transcripts.get(0));
        if (transcripts.size() == 2) {
            assertEquals(transcripts.get(1), transcripts.get(0));
        }
    }

    /**
     * "default-path config" (configuration.txt 3.1): the file of "http-request return" is found
     * beside the configuration, not in the directory the program was started from.
     */
    @Test
    void defaultPathConfig() throws Exception {
        for (Path program : programs()) {
            Path dir = ProcessIdentityIT.directory();
            Path sub = Files.createDirectories(dir.resolve("sub"));
            int port = RunningProxy.freePort();
            Files.writeString(sub.resolve("page.txt"), "beside the config\n");
            Files.writeString(dir.resolve("page.txt"), "in the start directory\n");
            Files.writeString(sub.resolve("t.cfg"), "global\n    default-path config\n\n"
                    + "defaults\n    mode http\n    timeout connect 5s\n    timeout client 10s\n    timeout server 10s\n\n"
                    + "frontend fe\n    bind 127.0.0.1:" + port + "\n"
                    + "    http-request return status 200 content-type text/plain file page.txt\n");
            Process p = new ProcessBuilder(program.toString(), "-db", "-f", "sub/t.cfg").directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("out").toFile()).start();
            try {
                String[] answer = {""};
                assertTrue(RunningProxy.within(Duration.ofSeconds(60), () -> {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                        answer[0] = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                        return true;
                    } catch (IOException e) {
                        return !p.isAlive();
                    }
                }), program.toString());
                assertTrue(answer[0].endsWith("\r\n\r\nbeside the config\n"), program + ": " + answer[0]
                        + Files.readString(dir.resolve("out")));
            } finally {
                p.destroyForcibly().waitFor();
                ProcessIdentityIT.delete(dir);
            }
        }
    }

    /** The master's messages, version banner aside, pids named. */
    private static String masterLines(String output, long masterPid, List<Long> workers) {
        StringBuilder sb = new StringBuilder();
        for (String line : output.split("\n")) {
            if (line.contains("(" + masterPid + ") : ") && !line.contains("version is ") && !line.contains("path to executable")) {
                sb.append(line).append('\n');
            }
        }
        return normalise(sb.toString(), masterPid, workers);
    }

    private static String normalise(String text, long masterPid, List<Long> workers) {
        String out = text.replaceAll("\\d+d\\d\\dh\\d\\dm\\d\\ds", "<uptime>")
                .replaceAll("2\\.6\\.12\\S*", "<version>");
        for (int i = 0; i < workers.size(); i++) {
            out = out.replace(Long.toString(workers.get(i)), "<worker" + (i + 1) + ">");
        }
        return out.replace(Long.toString(masterPid), "<master>").replaceAll("<(master|worker\\d)> +", "<$1> ");
    }

    private static List<Long> workers(String output) {
        List<Long> out = new ArrayList<>();
        Matcher m = FORKED.matcher(output);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    /**
     * What the master CLI answers to {@code command}, up to its close; haproxy's master binds
     * its CLI again as it re-executes itself after a load, so a refused connection is retried,
     * and so is one the old master accepted and then reset as it re-executed (every command
     * sent here only reads, so sending it again changes nothing).
     */
    private static String cli(Path sock, String command) {
        String[] answer = new String[1];
        RunningProxy.within(Duration.ofSeconds(20), () -> {
            answer[0] = once(sock, command);
            return !answer[0].startsWith("(java.net.");
        });
        return answer[0];
    }

    private static String once(Path sock, String command) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(sock));
            ch.write(ByteBuffer.wrap(command.getBytes(StandardCharsets.ISO_8859_1)));
            ch.shutdownOutput();
            return new String(java.nio.channels.Channels.newInputStream(ch).readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
