package org.jhaproxy.cli.master;

import java.nio.file.Path;

/**
 * A worker as the master sees it (haproxy's struct mworker_proc): its process, the internal
 * stats socket the master reaches it through (and a new worker takes the listeners from), the
 * reloads it survived, and whether it is leaving (a former worker finishing its streams).
 */
final class WorkerProcess {
    final Process process;
    final Path socket;
    final long startedMillis = System.currentTimeMillis();
    volatile int reloads;
    volatile boolean leaving;
    /** It exited before it was ready: a failed load, not a worker that ran. */
    volatile boolean failedStart;

    WorkerProcess(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    long pid() {
        return process.pid();
    }
}
