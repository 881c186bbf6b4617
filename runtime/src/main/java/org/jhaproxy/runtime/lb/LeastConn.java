package org.jhaproxy.runtime.lb;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.runtime.server.Server;

/**
 * "balance leastconn" (lb_fwlc.c): servers sorted by (streams + 1) / weight, those with no
 * stream first; a server moves in the tree each time it takes or releases a stream, behind
 * the servers of equal load, which makes equal servers alternate as in round robin.
 */
public final class LeastConn implements LbAlgorithm {
    private ServerGroups groups;
    private final Map<Server, Node> nodes = new IdentityHashMap<>();
    private final LbTree<Node> active = new LbTree<>();
    private final LbTree<Node> backup = new LbTree<>();

    private static final class Node extends LbTree.Node {
        final Server server;

        Node(Server server) {
            this.server = server;
        }
    }

    LeastConn(ServerGroups groups) {
        this.groups = groups;
        queueAll(groups.active(), active);
        queueAll(groups.backup(), backup);
    }

    private void queueAll(List<Server> servers, LbTree<Node> tree) {
        for (Server s : servers) {
            Node n = new Node(s);
            nodes.put(s, n);
            tree.insert(n, key(s));
        }
    }

    /**
     * fwlc_set_server_status_down/up(): a server going down leaves its tree; one coming up is
     * queued at its load's place, after the servers of equal load, so it comes last among the
     * idle ones.
     */
    @Override
    public boolean statusChanged(Server s, ServerGroups now) {
        groups = now;
        Node n = nodes.computeIfAbsent(s, Node::new);
        if (!s.isUsable()) {
            @SuppressWarnings("unchecked")
            LbTree<Node> tree = (LbTree<Node>) n.tree();
            if (tree != null) {
                tree.delete(n);
            }
        } else if (n.tree() == null) {
            (s.isBackup() ? backup : active).insert(n, key(s));
        }
        return true;
    }

    /** (inflight + 1) * EWEIGHT_MAX / eweight, or 0 for an idle server. */
    private static long key(Server s) {
        long inflight = s.currentConns() + s.queue().length();
        int eweight = Math.max(1, s.eweight());
        return inflight == 0 ? 0 : (inflight + 1) * RoundRobin.EWEIGHT_MAX / eweight;
    }

    @Override
    public Server choose(LbRequest request, Server avoid) {
        LbTree<Node> tree;
        if (!groups.active().isEmpty()) {
            tree = active;
        } else if (groups.firstBackup() != null) {
            return groups.firstBackup();
        } else {
            tree = backup;
        }
        Server avoided = null;
        for (Node n = tree.first(); n != null; n = tree.next(n)) {
            Server s = n.server;
            // leastconn lets a server's queue fill up to maxqueue before skipping it
            if (s.maxconn() == 0 || s.currentConns() + s.queue().length() < org.jhaproxy.runtime.queue.DynamicMaxconn.of(s) + s.maxqueue()) {
                if (s != avoid) {
                    return s;
                }
                avoided = s;
            }
        }
        return avoided;
    }

    @Override
    public boolean dynamicWeights() {
        return true;
    }

    /** fwlc_update_server_weight(): requeued at its new load, behind the servers of equal load. */
    @Override
    public boolean weightChanged(Server s, ServerGroups now) {
        Node n = nodes.get(s);
        if (n == null || n.tree() == null || !s.isUsable()) {
            return statusChanged(s, now);
        }
        groups = now;
        @SuppressWarnings("unchecked")
        LbTree<Node> tree = (LbTree<Node>) n.tree();
        tree.delete(n);
        tree.insert(n, key(s));
        return true;
    }

    @Override
    public void taken(Server server) {
        reposition(server);
    }

    @Override
    public void released(Server server) {
        reposition(server);
    }

    /** fwlc_srv_reposition(): only when the key changed, so equal servers keep their turn. */
    private void reposition(Server s) {
        Node n = nodes.get(s);
        if (n == null || n.tree() == null) {
            return;
        }
        long k = key(s);
        if (n.key == k) {
            return;
        }
        @SuppressWarnings("unchecked")
        LbTree<Node> tree = (LbTree<Node>) n.tree();
        tree.delete(n);
        tree.insert(n, k);
    }
}
