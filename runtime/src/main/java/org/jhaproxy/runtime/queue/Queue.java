package org.jhaproxy.runtime.queue;

import java.util.ArrayDeque;

/**
 * The streams waiting for a connection slot (haproxy's struct queue): one per server, for those
 * already assigned to it, and one per backend, for those waiting for any server. First in,
 * first served. Guarded by the backend balancer's lock; the length is read without it.
 *
 * <p>It also counts the streams it served ({@link #served()}, haproxy's queue idx): a stream
 * leaving it logs as its position (%sq, %bq) how many were served while it waited, plus one.
 */
public final class Queue {
    private final ArrayDeque<PendingConnection> waiting = new ArrayDeque<>();
    private volatile int length;
    private long served;

    public int length() {
        return length;
    }

    public void add(PendingConnection p) {
        p.enqueued(served);
        waiting.addLast(p);
        length = waiting.size();
    }

    public PendingConnection peek() {
        return waiting.peekFirst();
    }

    /**
     * Takes the first stream out without serving it (its server went down, or another server
     * takes the backend's queue): its position is noted, the served count does not move.
     */
    public PendingConnection poll() {
        PendingConnection p = waiting.pollFirst();
        length = waiting.size();
        if (p != null) {
            p.unlinked(served);
        }
        return p;
    }

    /** Takes the first stream out to give it a slot (pendconn_process_next_strm()). */
    public PendingConnection serve() {
        PendingConnection p = poll();
        if (p != null) {
            served++;
        }
        return p;
    }

    /** The stream gives up waiting (timeout queue, client gone): true if it was still here. */
    public boolean remove(PendingConnection p) {
        boolean removed = waiting.remove(p);
        length = waiting.size();
        if (removed) {
            p.unlinked(served);
        }
        return removed;
    }

    /** How many streams this queue served so far. */
    public long served() {
        return served;
    }
}
