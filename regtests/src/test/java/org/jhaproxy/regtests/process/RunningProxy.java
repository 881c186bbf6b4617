package org.jhaproxy.regtests.process;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jhaproxy.regtests.LoopbackPorts;

/**
 * A bin/jhaproxy process started on a configuration, as a user starts it, with Netty's leak
 * detection at its most thorough (JHAPROXY_JAVA_OPTS); its merged output is kept in a file.
 */
final class RunningProxy implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final Path output;

    private RunningProxy(Process process, Path dir, Path output) {
        this.process = process;
        this.dir = dir;
        this.output = output;
    }

    static RunningProxy start(String config, String... flags) throws IOException {
        return start(jhaproxy(), config, flags);
    }

    /** The same with another program (haproxy itself, for a differential test). */
    static RunningProxy start(Path program, String config, String... flags) throws IOException {
        return start(program, config, false, flags);
    }

    /**
     * As above; with {@code separateStderr} what the program writes on its standard error is
     * kept apart ({@link #errors()}), {@link #output()} then has only its standard output.
     */
    static RunningProxy start(Path program, String config, boolean separateStderr, String... flags) throws IOException {
        Path dir = Files.createTempDirectory("jhaproxy-proc");
        Files.writeString(dir.resolve("t.cfg"), config);
        Path out = dir.resolve("output");
        List<String> cmd = new ArrayList<>(List.of(program.toString(), "-f", "t.cfg"));
        cmd.addAll(List.of(flags));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile());
        if (separateStderr) {
            pb.redirectError(dir.resolve("errors").toFile());
        } else {
            pb.redirectErrorStream(true);
        }
        pb.environment().put("JHAPROXY_JAVA_OPTS", "-Dio.netty.leakDetection.level=paranoid");
        return new RunningProxy(pb.start(), dir, out);
    }

    static Path jhaproxy() {
        String home = System.getProperty("jhaproxy.home");
        Path top = home != null ? Path.of(home) : Path.of("..").toAbsolutePath().normalize();
        return top.resolve("bin/jhaproxy");
    }

    /** A loopback port free at the time of the call, outside the ephemeral range ({@link LoopbackPorts}). */
    static int freePort() throws IOException {
        return LoopbackPorts.free();
    }

    /** {@code n} distinct loopback ports free at the time of the call. */
    static int[] freePorts(int n) throws IOException {
        return LoopbackPorts.distinct(n);
    }

    /** Two consecutive free ports for a "bind addr:p-p+1" range. */
    static int freePortPair() throws IOException {
        return LoopbackPorts.free(2);
    }

    /** Polls {@code condition} until it holds or {@code deadline} passes. */
    static boolean within(Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.onSpinWait();
            try {
                // a poll interval, not a wait for an outcome: the condition decides
                TimeUnit.MILLISECONDS.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /** Waits until the proxy accepts on {@code port}. */
    RunningProxy listening(int port) {
        boolean up = within(Duration.ofSeconds(60), () -> {
            if (!process.isAlive()) {
                return true;
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        if (!up || !process.isAlive()) {
            throw new AssertionError("jhaproxy is not listening on " + port + ":\n" + output());
        }
        return this;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start().waitFor();
    }

    /** The exit status, once the process ended within {@code deadline}; -1 if it did not. */
    int exitWithin(Duration deadline) throws InterruptedException {
        return process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Open TCP sockets of the process (its descriptors that are sockets, listeners included). */
    int openSockets() {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            return (int) fds.filter(f -> {
                try {
                    return Files.readSymbolicLink(f).toString().startsWith("socket:");
                } catch (IOException e) {
                    return false;
                }
            }).count();
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Connections of the process accepted on {@code port} (and not yet closed): the sockets in
     * /proc/net/tcp{,6} with that local port that belong to it, the listener excluded.
     */
    int acceptedConnections(int port) {
        java.util.Set<String> inodes = new java.util.HashSet<>();
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid()), "fd"))) {
            fds.forEach(f -> {
                try {
                    String l = Files.readSymbolicLink(f).toString();
                    if (l.startsWith("socket:[")) {
                        inodes.add(l.substring(8, l.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            });
        } catch (IOException e) {
            return -1;
        }
        String hexPort = String.format(":%04X", port);
        int n = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] w = line.trim().split("\\s+");
                    // sl local remote st ... inode (field 9)
                    if (w.length > 9 && w[1].endsWith(hexPort) && !w[3].equals("0A") && inodes.contains(w[9])) {
                        n++;
                    }
                }
            } catch (IOException e) {
                // no IPv6
            }
        }
        return n;
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** The standard error of a process started with it kept apart, else "". */
    String errors() {
        try {
            Path errors = dir.resolve("errors");
            return Files.exists(errors) ? Files.readString(errors, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** No Netty leak report, no Java exception or stack trace in what the process printed. */
    void assertCleanOutput() {
        String out = output();
        if (out.contains("LEAK:") || out.contains("Exception") || out.matches("(?s).*\\n\\s+at [\\w.$]+\\(.*")) {
            throw new AssertionError("jhaproxy printed a leak report or an exception:\n" + out);
        }
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
