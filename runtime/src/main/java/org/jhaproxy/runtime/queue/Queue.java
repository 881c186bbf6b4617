package org.jhaproxy.runtime.queue;

import java.util.ArrayDeque;

/**
 * The streams waiting for a connection slot (haproxy's struct queue): one per server, for those
 * already assigned to it, and one per backend, for those waiting for any server. First in,
 * first served. Guarded by the backend balancer's lock; the length is read without it.
 */
public final class Queue {
    private final ArrayDeque<PendingConnection> waiting = new ArrayDeque<>();
    private volatile int length;

    public int length() {
        return length;
    }

    public void add(PendingConnection p) {
        waiting.addLast(p);
        length = waiting.size();
    }

    public PendingConnection peek() {
        return waiting.peekFirst();
    }

    public PendingConnection poll() {
        PendingConnection p = waiting.pollFirst();
        length = waiting.size();
        return p;
    }

    public boolean remove(PendingConnection p) {
        boolean removed = waiting.remove(p);
        length = waiting.size();
        return removed;
    }
}
