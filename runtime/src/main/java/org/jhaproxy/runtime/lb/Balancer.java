package org.jhaproxy.runtime.lb;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jhaproxy.runtime.queue.DynamicMaxconn;
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

    /**
     * The usable servers once a server's state changed (srv_act, srv_bck), how many there were
     * before, and how many waiting streams the change moved (pendconn_grab_from_px()).
     */
    public record Recount(int before, int active, int backup, int transferred) {
        /** The last usable server just left (set_backend_down()). */
        public boolean backendWentDown() {
            return before > 0 && active == 0 && backup == 0;
        }
    }

    private final Object lock = new Object();
    private final List<Server> servers;
    private final boolean allBackups;
    private final Function<ServerGroups, LbAlgorithm> algorithms;
    private volatile LbAlgorithm algorithm;
    private volatile ServerGroups groups;
    private final Queue queue = new Queue();
    private long queued;
    private int streams;

    /**
     * @param algorithms builds the algorithm over a set of usable servers; called again each
     *                   time a server goes up or down
     */
    public Balancer(List<Server> servers, boolean allBackups, Function<ServerGroups, LbAlgorithm> algorithms) {
        this.servers = servers;
        this.allBackups = allBackups;
        this.algorithms = algorithms;
        this.groups = ServerGroups.of(servers, allBackups);
        this.algorithm = algorithms.apply(groups);
    }

    /**
     * Applies a server's state change under the lock and tells the algorithm (haproxy's
     * set_server_status_up/down): the usable servers are recounted and the algorithm updates
     * its trees in place (or is rebuilt when it keeps no positions). A server that became usable takes the streams waiting in the backend's
     * queue that its free slots allow.
     */
    public Recount statusChanged(Server s, Runnable change) {
        synchronized (lock) {
            int before = groups.active().size() + groups.backup().size();
            change.run();
            s.recalcEweight(algorithm.dynamicWeights());
            groups = ServerGroups.of(servers, allBackups);
            if (!algorithm.statusChanged(s, groups)) {
                algorithm = algorithms.apply(groups);
            }
            int moved = s.isUsable() ? grabFromBackendQueue(s) : 0;
            return new Recount(before, groups.active().size(), groups.backup().size(), moved);
        }
    }

    /**
     * "add server" (HAProxy 2.6 dynamic servers): the server joins the end of the list in
     * maintenance, so no group changes; the algorithm is rebuilt over the longer list so that
     * its per-server structures (consistent hash nodes) know the newcomer when it is enabled.
     */
    public void add(Server s) {
        synchronized (lock) {
            servers.add(s);
            groups = ServerGroups.of(servers, allBackups);
            algorithm = algorithms.apply(groups);
        }
    }

    /**
     * "del server": the server, in maintenance (checked by the caller), leaves the list unless a
     * stream still uses or waits for it; its idle connections are closed, as haproxy 2.6.12 lets
     * such a server go.
     */
    public boolean remove(Server s) {
        synchronized (lock) {
            if (s.currentConns() > 0 || s.queue().length() > 0) {
                return false;
            }
            servers.remove(s);
            groups = ServerGroups.of(servers, allBackups);
            algorithm = algorithms.apply(groups);
        }
        s.idle().purge();
        return true;
    }

    /** A server's "maxconn" changed ("set maxconn server"): new slots go to waiting streams. */
    public void limitChanged(Server s) {
        synchronized (lock) {
            processQueue(s);
        }
    }

    /**
     * pendconn_redistribute(): the streams waiting for this server, which went down, leave its
     * queue and go back to the balancer, which may send them to another server. Returns how many.
     * Only with "option redispatch" (and not "option persist"), which the caller checks.
     */
    public int redistribute(Server s) {
        synchronized (lock) {
            int moved = 0;
            PendingConnection p;
            while ((p = s.queue().poll()) != null) {
                streams--;
                p.redistribute();
                moved++;
            }
            return moved;
        }
    }

    /**
     * server_recalc_eweight() then lbprm.update_server_eweight: a warming-up server's effective
     * weight is recomputed (it may reach RUNNING) and the algorithm moves it; with more weight
     * it may take streams waiting in the backend's queue (pendconn_grab_from_px()).
     */
    public void weightChanged(Server s) {
        weightChanged(s, () -> { });
    }

    /**
     * The same after {@code change} ("set weight" changing the user weight, drain lifted):
     * the algorithm re-places the server in place (update_server_eweight), taking it out of
     * or back into its trees when it stops or starts being usable. Returns the recount, for
     * set_backend_down().
     */
    public Recount weightChanged(Server s, Runnable change) {
        synchronized (lock) {
            int before = groups.active().size() + groups.backup().size();
            change.run();
            s.recalcEweight(algorithm.dynamicWeights());
            groups = ServerGroups.of(servers, allBackups);
            if (!algorithm.weightChanged(s, groups)) {
                algorithm = algorithms.apply(groups);
            }
            int moved = s.isUsable() ? grabFromBackendQueue(s) : 0;
            return new Recount(before, groups.active().size(), groups.backup().size(), moved);
        }
    }

    /** How many backup servers are usable (srv_bck). */
    public int backupServers() {
        return groups.backup().size();
    }

    private int grabFromBackendQueue(Server s) {
        if (!groups.servesBackendQueue(s)) {
            return 0;
        }
        int moved = 0;
        int limit = DynamicMaxconn.of(s);
        PendingConnection p;
        while ((s.maxconn() == 0 || s.currentConns() < limit) && (p = queue.poll()) != null) {
            take(s);
            p.assign(s);
            moved++;
        }
        return moved;
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
            if (s.maxconn() > 0 && (s.queue().length() > 0 || s.currentConns() >= DynamicMaxconn.of(s))) {
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
        while (s.maxconn() > 0 && s.currentConns() < DynamicMaxconn.of(s)) {
            PendingConnection p = s.queue().peek();
            PendingConnection pp = backendOk ? queue.peek() : null;
            if (p == null && pp == null) {
                return;
            }
            PendingConnection next;
            if (pp == null || p != null && p.order() <= pp.order()) {
                next = s.queue().serve();
            } else {
                next = queue.serve();
            }
            s.connectionTaken();
            algorithm.taken(s);
            next.assign(s);
        }
    }
}
