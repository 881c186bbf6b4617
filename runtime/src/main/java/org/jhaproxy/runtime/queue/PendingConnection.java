package org.jhaproxy.runtime.queue;

import java.util.function.Consumer;
import org.jhaproxy.runtime.server.Server;

/**
 * A stream waiting in a queue for a connection slot (haproxy's pendconn). When a slot frees up
 * the balancer assigns it a server and calls {@code wakeup} with it (null when its server went
 * down and it must ask the balancer again); the stream must run that on its own event loop.
 */
public final class PendingConnection {
    private final long order;
    private final Server server;
    private final Consumer<Server> wakeup;
    /** The queue's served count when this stream entered it, minus one (pendconn's queue_idx). */
    private long enteredAt;
    /** Where it was when it left its queues, summed over its stays (srv_queue_pos / prx_queue_pos). */
    private int position;

    /**
     * @param order  when it was queued: of a server's and its backend's first waiting streams,
     *               the older is served first
     * @param server the server it waits for, or null when waiting in the backend's queue
     */
    public PendingConnection(long order, Server server, Consumer<Server> wakeup) {
        this.order = order;
        this.server = server;
        this.wakeup = wakeup;
    }

    public long order() {
        return order;
    }

    public Server server() {
        return server;
    }

    void enqueued(long served) {
        enteredAt = served - 1;
    }

    void unlinked(long served) {
        position += (int) (served - enteredAt);
    }

    /**
     * How many streams its queue served while it waited, plus one: what the log's %sq (a
     * server's queue) or %bq (the backend's) reports once it left the queue; 0 while it waits.
     */
    public int position() {
        return position;
    }

    void wakeup(Server assigned) {
        wakeup.accept(assigned);
    }

    /**
     * Its server went down (pendconn_redistribute()): the stream is woken with no server
     * ({@code wakeup} gets null) and asks the balancer again.
     */
    public void redistribute() {
        wakeup(null);
    }

    /** Hands the stream the server whose slot it gets. */
    public void assign(Server assigned) {
        wakeup(assigned);
    }
}
