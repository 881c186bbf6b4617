package org.jhaproxy.runtime.stream;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A timeout pushed back at every read or write, as haproxy moves a task's expire tick: moving it
 * is a field write, and a single scheduled task checks it when it fires, re-arming itself for
 * what remains. A per-read schedule/cancel pair on the event loop's timer queue would cost far
 * more than the I/O it guards.
 */
public final class Deadline implements Runnable {
    private final EventExecutor loop;
    private final Runnable onExpiry;
    /** System.nanoTime() of the expiry; {@link #NONE} when not armed. */
    private long expiresAt = NONE;
    private static final long NONE = Long.MIN_VALUE;
    private ScheduledFuture<?> task;
    private long taskAt;

    public Deadline(EventExecutor loop, Runnable onExpiry) {
        this.loop = loop;
        this.onExpiry = onExpiry;
    }

    /** Expires {@code ms} milliseconds from now (0: never). Called on the event loop. */
    public void arm(long ms) {
        if (ms <= 0) {
            expiresAt = NONE;
            return;
        }
        long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
        expiresAt = at;
        if (task != null && taskAt - at > 0) {
            // the pending check comes too late for this earlier deadline
            task.cancel(false);
            task = null;
        }
        if (task == null) {
            schedule(at);
        }
    }

    /** Not armed any more; the pending check, if any, will find nothing to do. */
    public void disarm() {
        expiresAt = NONE;
    }

    public boolean armed() {
        return expiresAt != NONE;
    }

    /** Disarms and drops the pending check: the connection is gone. */
    public void cancel() {
        expiresAt = NONE;
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void schedule(long at) {
        taskAt = at;
        task = loop.schedule(this, Math.max(0, at - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    @Override
    public void run() {
        task = null;
        if (expiresAt == NONE) {
            return;
        }
        if (System.nanoTime() - expiresAt >= 0) {
            expiresAt = NONE;
            onExpiry.run();
        } else {
            schedule(expiresAt);
        }
    }
}
