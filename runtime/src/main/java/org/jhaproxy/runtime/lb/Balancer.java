package org.jhaproxy.runtime.lb;

import java.util.function.Consumer;
import org.jhaproxy.runtime.queue.PendingConnection;
import org.jhaproxy.runtime.queue.Queue;
import org.jhaproxy.runtime.server.Server;

/**
 * A backend's balancer: its algorithm, the queue of streams waiting for any server, and the
 * lock that guards them and the servers' slot counts (haproxy's lbprm lock and queue locks in
 * one, never held across I/O). Assigns servers to streams as assign_server_and_queue() does and
 * hands a freed slot to the oldest waiting stream as process_srv_queue() does.
 */
public final class Balancer {
    /** assign_server_and_queue()'s outcomes. */
    public enum Status {
        /** A server and one of its slots are the stream's. */
        OK,
        /** The stream waits in a queue; its wakeup gets the server when a slot frees up. */
        QUEUED,
        /** The chosen server's queue is full ("maxqueue"): 503. */
        FULL,
        /** No usable server: 503. */
        NO_SERVER
    }

    public record Assignment(Status status, Server server, PendingConnection pending) {
    }

    private final Object lock = new Object();
    private final LbAlgorithm algorithm;
    private final ServerGroups groups;
    private final Queue queue = new Queue();
    private long queued;
    private int streams;

    public Balancer(LbAlgorithm algorithm, ServerGroups groups) {
        this.algorithm = algorithm;
        this.groups = groups;
    }

    public LbAlgorithm algorithm() {
        return algorithm;
    }

    /** How many active servers are usable (srv_act). */
    public int activeServers() {
        return groups.active().size();
    }

    /** The streams waiting for any server of this backend. */
    public Queue queue() {
        return queue;
    }

    /**
     * Gives the stream a server: {@code forced} if not null (use-server, a reused connection's
     * server), else the algorithm's choice avoiding {@code avoid}; when that server has no free
     * slot the stream is queued and {@code wakeup} runs later with the server it gets.
     */
    public Assignment assign(LbRequest request, Server forced, Server avoid, Consumer<Server> wakeup) {
        synchronized (lock) {
            Server s = forced;
            if (s == null) {
                if (groups.used().isEmpty()) {
                    return new Assignment(Status.NO_SERVER, null, null);
                }
                // streams already wait for this backend: with these algorithms every server is full
                boolean othersWait = queue.length() > 0 && queue.length() != streams;
                s = othersWait && algorithm.queueMeansFull() ? null : algorithm.choose(request, avoid);
                if (s == null) {
                    PendingConnection p = new PendingConnection(queued++, null, wakeup);
                    queue.add(p);
                    streams++;
                    return new Assignment(Status.QUEUED, null, p);
                }
            }
            if (s.maxconn() > 0 && (s.queue().length() > 0 || s.currentConns() >= s.maxconn())) {
                if (s.maxqueue() > 0 && s.queue().length() >= s.maxqueue()) {
                    return new Assignment(Status.FULL, s, null);
                }
                PendingConnection p = new PendingConnection(queued++, s, wakeup);
                s.queue().add(p);
                streams++;
                return new Assignment(Status.QUEUED, s, p);
            }
            take(s);
            streams++;
            return new Assignment(Status.OK, s, null);
        }
    }

    /**
     * A waiting stream gives up (client gone, "timeout queue"): true if it was still queued;
     * false means a slot was already handed to it and its wakeup will follow.
     */
    public boolean dequeue(PendingConnection p) {
        synchronized (lock) {
            Queue q = p.server() == null ? queue : p.server().queue();
            boolean removed = q.remove(p);
            if (removed) {
                streams--;
            }
            return removed;
        }
    }

    /** The stream using one of this server's slots ended: the slot goes to a waiting stream. */
    public void released(Server s) {
        synchronized (lock) {
            s.servedDecrement();
            streams--;
            algorithm.released(s);
            processQueue(s);
        }
    }

    private void take(Server s) {
        s.connectionTaken();
        algorithm.taken(s);
    }

    /** While the server has free slots, the older of its and the backend's first waiting streams gets one. */
    private void processQueue(Server s) {
        boolean backendOk = groups.servesBackendQueue(s);
        while (s.maxconn() > 0 && s.currentConns() < s.maxconn()) {
            PendingConnection p = s.queue().peek();
            PendingConnection pp = backendOk ? queue.peek() : null;
            if (p == null && pp == null) {
                return;
            }
            PendingConnection next;
            if (pp == null || p != null && p.order() <= pp.order()) {
                next = s.queue().poll();
            } else {
                next = queue.poll();
            }
            s.connectionTaken();
            algorithm.taken(s);
            next.assign(s);
        }
    }
}
