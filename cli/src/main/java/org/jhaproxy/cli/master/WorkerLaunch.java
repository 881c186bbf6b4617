package org.jhaproxy.cli.master;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a worker. haproxy's master forks; a JVM cannot, so a worker is this same program run
 * again (same java, same options, same jar) with the master's command line, less what only the
 * master acts on (-W, -Ws, -S, -D), plus an internal configuration file with the worker's own
 * stats socket ("level admin expose-fd listeners", as haproxy's master keeps a socketpair CLI
 * to each worker) and, on a reload, "-x" that socket of the current worker and "-sf" the pids
 * of every worker: the new one takes the listening sockets over and soft-stops the others.
 */
final class WorkerLaunch {
    private static final String READY = "ready";
    private static final long READY_DEADLINE_MS = 120_000;

    private final Path dir;
    /** Where the master was started: the worker's relative -f and -C lead from there. */
    private final Path startDirectory;
    private int serial;

    WorkerLaunch(Path dir, Path startDirectory) {
        this.dir = dir;
        this.startDirectory = startDirectory;
    }

    /** The command line a worker keeps from the master's; {@code reload}: the old -x/-sf/-st too. */
    static List<String> workerArguments(String[] argv, boolean reload) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (a.equals("--")) {
                out.addAll(List.of(argv).subList(i, argv.length));
                break;
            }
            if (a.startsWith("-W") || a.equals("-D")) {
                continue;
            }
            if (a.startsWith("-S") || reload && a.startsWith("-x")) {
                i++;
                continue;
            }
            if (reload && (a.startsWith("-sf") || a.startsWith("-st"))) {
                while (i + 1 < argv.length && !argv[i + 1].startsWith("-")) {
                    i++;
                }
                continue;
            }
            out.add(a);
        }
        return out;
    }

    /** Starts a worker; {@code takeFrom} is the current worker's socket on a reload, else null. */
    WorkerProcess start(List<String> arguments, Path takeFrom, List<Long> oldPids) throws IOException {
        int n = serial++;
        Path socket = dir.resolve("worker-" + n + ".sock");
        Path cfg = dir.resolve("worker-" + n + ".cfg");
        Path ready = dir.resolve("worker-" + n + ".ready");
        Files.writeString(cfg, "global\n    stats socket " + socket + " mode 600 level admin expose-fd listeners\n",
                StandardCharsets.ISO_8859_1);
        Files.deleteIfExists(ready);
        Files.createFile(ready);
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(org.jhaproxy.cli.Main.class.getName());
        // before the master's words, which may end with "--" and files
        cmd.add("-f");
        cmd.add(cfg.toString());
        if (takeFrom != null) {
            cmd.add("-x");
            cmd.add(takeFrom.toString());
        }
        if (!oldPids.isEmpty()) {
            cmd.add("-sf");
            oldPids.forEach(p -> cmd.add(Long.toString(p)));
        }
        cmd.addAll(arguments);
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO().directory(startDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove(org.jhaproxy.cli.Daemon.CHILD_ENV);
        pb.environment().put(MasterWorker.WORKER_ENV, ready.toString());
        pb.environment().put("HAPROXY_MWORKER", "1");
        return new WorkerProcess(pb.start(), socket);
    }

    /** Waits until the worker is ready (true) or exited (false). */
    boolean awaitReady(WorkerProcess w) throws IOException, InterruptedException {
        Path ready = dir.resolve(w.socket.getFileName().toString().replace(".sock", ".ready"));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_DEADLINE_MS);
        while (System.nanoTime() < deadline) {
            if (Files.readString(ready).contains(READY)) {
                return true;
            }
            if (w.process.waitFor(20, TimeUnit.MILLISECONDS)) {
                return Files.readString(ready).contains(READY);
            }
        }
        w.process.destroyForcibly();
        return false;
    }
}
