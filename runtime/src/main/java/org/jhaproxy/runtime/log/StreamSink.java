package org.jhaproxy.runtime.log;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "stdout", "stderr" and "fd@N" targets: the lines go through a bounded queue to one writer
 * thread, since a pipe or a terminal may block a write; a full queue drops the line.
 */
final class StreamSink implements LogSink {
    private static final int QUEUE = 4096;

    private final BlockingQueue<byte[]> lines = new ArrayBlockingQueue<>(QUEUE);
    private final OutputStream out;
    private final AtomicLong dropped;
    private final Thread writer;
    private volatile boolean closed;

    StreamSink(OutputStream out, String name, AtomicLong dropped) {
        this.out = out;
        this.dropped = dropped;
        this.writer = new Thread(this::drain, "log-" + name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void send(byte[] line) {
        if (!lines.offer(line)) {
            dropped.incrementAndGet();
        }
    }

    private void drain() {
        try {
            while (!closed || !lines.isEmpty()) {
                byte[] l = lines.take();
                out.write(l);
                byte[] more;
                while ((more = lines.poll()) != null) {
                    out.write(more);
                }
                out.flush();
            }
        } catch (InterruptedException | IOException e) {
            // the process is ending or the descriptor is gone: nothing more can be written
        }
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        byte[] l;
        try {
            while ((l = lines.poll()) != null) {
                out.write(l);
            }
            out.flush();
        } catch (IOException e) {
            // as above
        }
    }
}
