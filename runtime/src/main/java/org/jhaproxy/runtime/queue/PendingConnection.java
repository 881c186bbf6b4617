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
