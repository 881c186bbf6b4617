package org.jhaproxy.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * "-D" or "daemon": haproxy forks and its parent exits once the listeners are bound. A JVM
 * cannot fork, so the parent re-executes this same command in a new session (setsid, no
 * terminal, stdin from /dev/null) and waits until the child is ready (or exits); it passes the
 * child's start-up messages on and exits 0, or with the child's status when the start failed. The child
 * writes the pidfile ("-p" or "pidfile": its own pid, as haproxy's parent writes the worker's)
 * before it says it listens; its later output goes nowhere, as haproxy's daemon sends it to
 * /dev/null.
 */
public final class Daemon {
    /** Set in the child's environment: where it reports that it is ready. */
    public static final String CHILD_ENV = "JHAPROXY_DAEMON_READY";
    private static final long START_DEADLINE_MS = 120_000;
    private static final String LISTENING = "listening";
    private static final String READY = "ready";

    private Daemon() {
    }

    /** Is this process the re-executed child? */
    public static boolean isChild() {
        return System.getenv(CHILD_ENV) != null;
    }

    /**
     * The child's side: it writes the pidfile once listening (before a chroot, as haproxy's
     * parent writes it before forking), marks "listening" (the parent's exit status is 0 from
     * then on, haproxy's parent having exited), then "ready" once chrooted and with its
     * identity; the mark file is opened first, so it stays writable after the chroot.
     */
    public static final class Child {
        private final FileChannel marks;

        private Child(FileChannel marks) {
            this.marks = marks;
        }

        public static Child open() throws IOException {
            return open(Path.of(System.getenv(CHILD_ENV)));
        }

        /** Marks written to {@code file}: a master-worker worker tells its master the same way. */
        public static Child open(Path file) throws IOException {
            return new Child(FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
        }

        /** The pidfile with this process's pid, replacing any file there (haproxy unlinks it first). */
        public static void writePidFile(String pidFile) throws IOException {
            Path p = Path.of(pidFile);
            Files.deleteIfExists(p);
            Files.writeString(p, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        }

        public void listening() throws IOException {
            mark(LISTENING);
        }

        public void ready() throws IOException {
            mark(READY);
        }

        private void mark(String word) throws IOException {
            marks.write(ByteBuffer.wrap((word + "\n").getBytes(StandardCharsets.US_ASCII)));
        }
    }

    /** The parent: starts the child and waits for it to listen; returns the exit status. */
    static int launch(String[] argv, PrintStream err) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jhaproxy-daemon");
        Path ready = Files.createFile(dir.resolve("ready"));
        Path output = dir.resolve("output");
        List<String> cmd = new ArrayList<>();
        if (new File("/usr/bin/setsid").canExecute()) {
            cmd.add("/usr/bin/setsid");
        }
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(argv));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put(CHILD_ENV, ready.toString());
        Process child = pb.start();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_DEADLINE_MS);
        int status = 0;
        while (!Files.readString(ready).contains(READY)) {
            if (child.waitFor(20, TimeUnit.MILLISECONDS)) {
                // a child that failed after it listened: haproxy's parent had already exited 0
                status = Files.readString(ready).contains(LISTENING) ? 0 : child.exitValue();
                break;
            }
            if (System.nanoTime() > deadline) {
                err.println("jhaproxy: the daemon did not start within " + START_DEADLINE_MS / 1000 + " s");
                status = 1;
                break;
            }
        }
        err.write(Files.readAllBytes(output));
        err.flush();
        // the child keeps writing to the unlinked file, i.e. nowhere
        Files.deleteIfExists(output);
        Files.deleteIfExists(ready);
        Files.deleteIfExists(dir);
        return status;
    }
}
