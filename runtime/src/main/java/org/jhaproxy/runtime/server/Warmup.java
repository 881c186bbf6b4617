package org.jhaproxy.runtime.server;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A STARTING server's warm-up ("slowstart", haproxy's server_warmup task): every second its
 * effective weight is recomputed and the balancer told, and it takes the streams waiting in
 * the backend's queue that its new weight allows, until the slowstart time has passed and the
 * server is RUNNING at full weight.
 */
final class Warmup {
    /** haproxy wakes the task every max(1s, slowstart / 20), slowstart being in seconds: 1s. */
    private static final long STEP_MS = 1000;

    private Warmup() {
    }

    static void schedule(Server s, ScheduledExecutorService loop) {
        loop.schedule(() -> step(s, loop), STEP_MS, TimeUnit.MILLISECONDS);
    }

    private static void step(Server s, ScheduledExecutorService loop) {
        if (s.state() != ServerState.STARTING) {
            return;
        }
        s.backend().balancer().weightChanged(s);
        if (s.state() == ServerState.STARTING && !loop.isShutdown()) {
            schedule(s, loop);
        }
    }
}
