package org.jhaproxy.cli.master;

import java.io.IOException;
import java.nio.file.Path;
import org.jhaproxy.cli.Daemon;

/**
 * The worker's side of master-worker mode (management.txt 4 "-W"): a worker is known by an
 * internal variable its master sets (haproxy's HAPROXY_MWORKER_REEXEC plays that part), not
 * by a flag of the command line. It reads the configuration quietly (its master already
 * reported on it), never daemonizes, writes no pidfile, tells the master when it is ready, and
 * exits when its master is gone, as haproxy's worker does when the master's socketpair closes.
 */
public final class MasterWorker {
    /** Set by the master in a worker's environment: the file the worker marks "ready" in. */
    static final String WORKER_ENV = "JHAPROXY_MWORKER_READY";

    private MasterWorker() {
    }

    public static boolean isWorker() {
        return System.getenv(WORKER_ENV) != null;
    }

    /** Where this worker tells its master that it listens and is ready. */
    public static Daemon.Child readyMarks() throws IOException {
        return Daemon.Child.open(Path.of(System.getenv(WORKER_ENV)));
    }

    /** Exits (status 1, haproxy's EXIT_FAILURE) as soon as the master process is gone. */
    public static void exitWithMaster() {
        ProcessHandle.current().parent().ifPresent(master -> master.onExit().thenRun(() -> Runtime.getRuntime().halt(1)));
    }
}
