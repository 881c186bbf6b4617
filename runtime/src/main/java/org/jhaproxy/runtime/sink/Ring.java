package org.jhaproxy.runtime.sink;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory ring of events (ring.c): {@code size} bytes holding the newest events, the oldest
 * dropped to make room. Each event costs what it costs in haproxy's buffer (a reader counter
 * byte, its varint-encoded length, its bytes) so that the same events fit. Events are numbered;
 * a reader keeps the number of the next one it wants and skips those dropped meanwhile. A write
 * never waits: the readers are told there is more and read from their own event loop.
 */
public final class Ring {
    private final long size;
    private final ArrayDeque<byte[]> events = new ArrayDeque<>();
    private final List<Runnable> waiters = new CopyOnWriteArrayList<>();
    /** The number of the oldest event kept. */
    private long first;
    /** Bytes used, the buffer's own counter byte included. */
    private long used = 1;

    public Ring(long size) {
        this.size = size;
    }

    /** ring_write(): false when the event can never fit. */
    public boolean write(byte[] event) {
        long need = varintBytes(event.length) + event.length + 1;
        synchronized (this) {
            if (need + 1 > size) {
                return false;
            }
            while (size - used < need) {
                byte[] old = events.removeFirst();
                used -= varintBytes(old.length) + old.length + 1;
                first++;
            }
            events.addLast(event);
            used += need;
        }
        waiters.forEach(Runnable::run);
        return true;
    }

    /** The number the next event written will have: where a reader of new events only starts. */
    public synchronized long end() {
        return first + events.size();
    }

    /** Events read, and the number of the event after them: where the reader goes on. */
    public record Batch(List<byte[]> events, long next) {
    }

    /** The events from number {@code from} on (from the oldest kept when those were dropped). */
    public synchronized Batch from(long from) {
        long start = Math.max(from, first);
        List<byte[]> out = new ArrayList<>();
        long n = first;
        for (byte[] e : events) {
            if (n++ >= start) {
                out.add(e);
            }
        }
        return new Batch(out, first + events.size());
    }

    /** The number of the oldest event kept. */
    public synchronized long first() {
        return first;
    }

    /** {@code waiter} runs after every write, on the writer's thread: it must only schedule work. */
    public void watch(Runnable waiter) {
        waiters.add(waiter);
    }

    public void unwatch(Runnable waiter) {
        waiters.remove(waiter);
    }

    /** varint_bytes(): haproxy's length encoding, one byte below 240, then 7 bits a byte. */
    static int varintBytes(long v) {
        int len = 1;
        if (v >= 240) {
            v = (v - 240) >> 4;
            len++;
            while (v >= 128) {
                v = (v - 128) >> 7;
                len++;
            }
        }
        return len;
    }
}
