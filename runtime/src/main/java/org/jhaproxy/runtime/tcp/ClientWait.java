package org.jhaproxy.runtime.tcp;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * "timeout client" before the server connection is up (configuration.txt 4.2): haproxy keeps
 * reading the client while its content rules wait and while the stream waits in a queue, and
 * its read timeout runs from the client's last data. When it strikes first the stream ends
 * there: "cR" (or "PR"), "cQ". A connection attempt is not cut short by it.
 */
final class ClientWait {
    private final TcpStream stream;
    private final EventLoop loop;
    private final long timeout;
    private long lastRead = System.nanoTime();
    private ScheduledFuture<?> timer;

    /** {@code timeoutMs} 0: no timeout. */
    ClientWait(TcpStream stream, EventLoop loop, long timeoutMs) {
        this.stream = stream;
        this.loop = loop;
        this.timeout = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        if (timeoutMs > 0) {
            schedule();
        }
    }

    /** The client sent data: its timeout counts from now. */
    void received() {
        lastRead = System.nanoTime();
    }

    /** The server connection is up (or the stream ended): the relay's timeouts take over. */
    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    // one timer for the whole wait, moved on past each data rather than rescheduled at each read
    private void schedule() {
        long in = Math.max(0, lastRead + timeout - System.nanoTime());
        timer = loop.schedule(() -> {
            timer = null;
            if (System.nanoTime() - lastRead < timeout) {
                schedule();
            } else {
                stream.clientTimedOut();
            }
        }, in, TimeUnit.NANOSECONDS);
    }
}
