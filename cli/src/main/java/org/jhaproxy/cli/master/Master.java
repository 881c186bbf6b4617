package org.jhaproxy.cli.master;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jhaproxy.cli.Daemon;
import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.runtime.process.Signals;
import org.jhaproxy.runtime.process.SystemdNotify;
import sun.misc.Signal;

/**
 * The master process of master-worker mode (management.txt 4, "-W"/"-Ws", "master-worker"):
 * it serves no traffic; it starts a worker and watches it, reloads on SIGUSR2, SIGHUP or the
 * master CLI's "reload" (a new worker takes the listeners over, the others finish), passes
 * SIGTERM, SIGINT and SIGUSR1 on to the workers, and exits once none is left, with the status
 * of a current worker that failed. Its messages are haproxy's master's (mworker.c).
 */
public final class Master {
    /** What the master is started with. */
    public record Settings(String[] argv, Path startDirectory, List<String> masterCli, boolean systemd, String pidFile,
                           int maxReloads, boolean noExitOnFailure, Daemon.Child daemon,
                           Supplier<Diagnostics> diagnostics, Predicate<Diagnostics> configLoads) {
    }

    private final Settings settings;
    private final BlockingQueue<Runnable> events = new LinkedBlockingQueue<>();
    final List<WorkerProcess> workers = new CopyOnWriteArrayList<>();
    final long startedMillis = System.currentTimeMillis();
    private final SystemdNotify systemd;
    private Diagnostics diag;
    private WorkerLaunch launch;
    volatile int reloads;
    volatile int failedReloads;
    private int exitCode = -1;
    private boolean done;

    public Master(Settings settings, Diagnostics diag) {
        this.settings = settings;
        this.diag = diag;
        this.systemd = settings.systemd() ? SystemdNotify.fromEnvironment() : null;
    }

    /** Runs the master until its last worker exits; returns the process's exit status. */
    public int run() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("jhaproxy-master");
        MasterCli cli = null;
        try {
            for (String sig : List.of("TERM", "INT", "USR1")) {
                Signal.handle(new Signal(sig), s -> events.add(() -> stop(sig)));
            }
            for (String sig : List.of("USR2", "HUP")) {
                Signal.handle(new Signal(sig), s -> events.add(this::reload));
            }
            for (String sig : List.of("TTIN", "TTOU")) {
                Signal.handle(new Signal(sig), s -> events.add(() -> broadcast(sig)));
            }
            try {
                cli = MasterCli.start(this, settings.masterCli());
            } catch (IOException e) {
                diag.alert(e.getMessage());
                return 1;
            }
            launch = new WorkerLaunch(dir, settings.startDirectory());
            WorkerProcess first = launch.start(WorkerLaunch.workerArguments(settings.argv(), false), null, List.of());
            if (!launch.awaitReady(first)) {
                // the worker said why (it could not bind...): haproxy's master stops as it failed to start
                return first.process.waitFor();
            }
            workers.add(first);
            watch(first);
            if (settings.pidFile() != null) {
                try {
                    Daemon.Child.writePidFile(settings.pidFile());
                } catch (IOException e) {
                    diag.alert("[" + System.getProperty("jhaproxy.exe", "jhaproxy") + ".main()] Cannot create pidfile "
                            + settings.pidFile());
                }
            }
            loaded(first);
            if (settings.daemon() != null) {
                settings.daemon().listening();
                settings.daemon().ready();
            }
            while (!done) {
                events.take().run();
            }
            return exitCode > 0 ? exitCode : 0;
        } finally {
            if (cli != null) {
                cli.close();
            }
            for (WorkerProcess w : workers) {
                w.process.destroyForcibly();
            }
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private void loaded(WorkerProcess w) {
        diag.notice("New worker (" + w.pid() + ") forked");
        diag.notice("Loading success.");
        failedReloads = 0;
        if (systemd != null) {
            systemd.send("RELOADING=1");
            systemd.send("READY=1\nMAINPID=" + ProcessHandle.current().pid());
        }
    }

    private void watch(WorkerProcess w) {
        w.process.onExit().thenRun(() -> events.add(() -> exited(w)));
    }

    /** Called by the master CLI's "reload": done by the master's thread, as a SIGUSR2. */
    void askReload() {
        events.add(this::reload);
    }

    /**
     * mworker_reload(): every worker survives one more reload, the configuration is read again
     * (a fresh start: its first warning comes after haproxy's version banner again), then a new
     * worker takes over; on failure the current workers go on and "show proc" counts it.
     */
    private void reload() {
        diag.notice("Reloading HAProxy");
        if (systemd != null) {
            systemd.send("RELOADING=1");
        }
        reloads++;
        workers.forEach(w -> w.reloads++);
        diag = settings.diagnostics().get();
        try {
            if (!settings.configLoads().test(diag)) {
                failed();
                return;
            }
            WorkerProcess current = current();
            List<Long> pids = new ArrayList<>();
            workers.forEach(w -> pids.add(w.pid()));
            WorkerProcess fresh = launch.start(WorkerLaunch.workerArguments(settings.argv(), true),
                    current != null ? current.socket : null, pids);
            if (!launch.awaitReady(fresh)) {
                fresh.failedStart = true;
                failed();
                return;
            }
            workers.forEach(w -> w.leaving = true);
            workers.add(fresh);
            watch(fresh);
            loaded(fresh);
            killMaxReloads();
        } catch (IOException e) {
            diag.alert("[" + System.getProperty("jhaproxy.exe", "jhaproxy") + ".main()] Cannot fork.");
            failed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed() {
        failedReloads++;
        diag.warning("Loading failure!");
        if (systemd != null) {
            systemd.send("RELOADING=1");
            systemd.send("READY=1\nMAINPID=" + ProcessHandle.current().pid());
        }
    }

    /** "mworker-max-reloads": a worker that survived more reloads is terminated. */
    private void killMaxReloads() {
        if (settings.maxReloads() < 0) {
            return;
        }
        for (WorkerProcess w : workers) {
            if (w.reloads > settings.maxReloads()) {
                Signals.send(w.pid(), "TERM");
            }
        }
    }

    /** The current worker, the one not leaving; null between a crash and the master's exit. */
    WorkerProcess current() {
        for (WorkerProcess w : workers) {
            if (!w.leaving) {
                return w;
            }
        }
        return null;
    }

    /** mworker_catch_sigterm(): SIGTERM, SIGINT and SIGUSR1 are passed on to every worker. */
    private void stop(String sig) {
        if (systemd != null) {
            systemd.send("STOPPING=1");
        }
        diag.warning("Exiting Master process...");
        broadcast(sig);
    }

    private void broadcast(String sig) {
        workers.forEach(w -> Signals.send(w.pid(), sig));
    }

    /** mworker_catch_sigchld(): a worker exited; the master leaves with the last one. */
    private void exited(WorkerProcess w) {
        if (!workers.remove(w)) {
            return;
        }
        int status = w.process.exitValue();
        String how = status >= 128 ? Signals.describe(status - 128) : "Exit";
        if (w.leaving) {
            diag.warning(String.format("Former worker (%d) exited with code %d (%s)", w.pid(), status, how));
        } else {
            String text = String.format("Current worker (%d) exited with code %d (%s)", w.pid(), status, how);
            if (status < 128) {
                diag.warning(text);
            } else {
                diag.alert(text);
            }
            if (status != 0 && status != 130 && status != 143 && !settings.noExitOnFailure()) {
                diag.alert("exit-on-failure: killing every processes with SIGTERM");
                broadcast("TERM");
            }
            if (exitCode < 0 && status != 0 && status != 143) {
                exitCode = status;
            }
        }
        if (workers.isEmpty()) {
            diag.warning("All workers exited. Exiting... (" + (exitCode > 0 ? exitCode : 0) + ")");
            done = true;
        }
    }

    /** The start time of the master, for "show proc". */
    long startedMillis() {
        return startedMillis;
    }
}
