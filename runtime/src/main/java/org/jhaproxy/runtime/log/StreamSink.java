package org.jhaproxy.runtime.log;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "stdout", "stderr" and "fd@N" targets. haproxy writes each line at once (a non-blocking
 * writev(), the line dropped on EAGAIN); here an event loop must not wait on a pipe or a
 * terminal, so the lines go through a bounded queue to one writer thread, a full queue dropping
 * the line. A line leaves the queue only under {@link #io}, while it is written: whoever holds
 * it ({@link #flush()} at a hard stop, {@link #close()}) knows that every line accepted before
 * is either written or still queued, never taken and lost with a thread that is not done.
 */
final class StreamSink implements LogSink {
    private static final int QUEUE = 4096;

    private final BlockingQueue<byte[]> lines = new ArrayBlockingQueue<>(QUEUE);
    /** One permit (at least) per line queued: the writer sleeps on it, never on the queue itself. */
    private final Semaphore queued = new Semaphore(0);
    /** Held while lines are taken from the queue and written: one writer at a time, in order. */
    private final Object io = new Object();
    private final OutputStream out;
    private final AtomicLong dropped;
    private final Thread writer;
    private volatile boolean closed;
    /** The descriptor failed: nothing more can be written. */
    private boolean broken;

    StreamSink(OutputStream out, String name, AtomicLong dropped) {
        this.out = out;
        this.dropped = dropped;
        this.writer = new Thread(this::run, "log-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void send(byte[] line) {
        if (closed || !lines.offer(line)) {
            dropped.incrementAndGet();
            return;
        }
        queued.release();
    }

    private void run() {
        while (!closed) {
            try {
                queued.acquire();
            } catch (InterruptedException e) {
                return;
            }
            queued.drainPermits();
            flush();
        }
    }

    /** Writes every line queued, on the caller's thread (the writer's, or the process ending). */
    @Override
    public void flush() {
        synchronized (io) {
            if (broken) {
                lines.clear();
                return;
            }
            try {
                byte[] l;
                boolean any = false;
                while ((l = lines.poll()) != null) {
                    out.write(l);
                    any = true;
                }
                if (any) {
                    out.flush();
                }
            } catch (IOException e) {
                // the descriptor is gone: as haproxy, the lines are lost
                broken = true;
            }
        }
    }

    /** Writes what is queued, then stops the writer; a line sent later is dropped. */
    @Override
    public void close() {
        closed = true;
        queued.release();
        flush();
    }
}
