package org.jhaproxy.runtime.lb;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.runtime.server.Server;

/**
 * "balance roundrobin": haproxy's fast weighted round robin (lb_fwrr.c). Each server gets a
 * position in a window as wide as the group's total effective weight and moves forward by
 * total/weight each time it is picked, so heavier servers come back sooner; a server whose next
 * position falls beyond the window waits in the "next" tree until the window turns. Servers are
 * first taken heaviest first. This reproduces haproxy's exact order, e.g. weights 1/2/3 give
 * s3 s2 s3 s1 s3 s2, repeated.
 */
public final class RoundRobin implements LbAlgorithm {
    /** Effective weights are user weights times 16 (BE_WEIGHT_SCALE), at most 256 * 16. */
    static final int WEIGHT_SCALE = 16;
    static final int UWEIGHT_RANGE = 256;
    static final int EWEIGHT_MAX = UWEIGHT_RANGE * WEIGHT_SCALE;

    private ServerGroups groups;
    private final Map<Server, Node> nodes = new IdentityHashMap<>();
    private final Group active;
    private final Group backup;

    private static final class Node extends LbTree.Node {
        final Server server;
        int eweight;
        long npos;
        long lpos;
        long rweight;

        Node(Server server) {
            this.server = server;
            this.eweight = server.eweight();
        }
    }

    /** The active or the backup servers' window and trees (struct fwrr_group). */
    private static final class Group {
        final LbTree<Node> curr = new LbTree<>();
        LbTree<Node> init = new LbTree<>();
        LbTree<Node> next = new LbTree<>();
        long currPos;
        long currWeight;
        long nextWeight;
    }

    public RoundRobin(ServerGroups groups) {
        this.groups = groups;
        this.active = group(groups.active());
        this.backup = group(groups.backup());
    }

    private Group group(List<Server> servers) {
        Group g = new Group();
        long total = 0;
        for (Server s : servers) {
            Node n = new Node(s);
            nodes.put(s, n);
            total += n.eweight;
        }
        g.currPos = g.currWeight = g.nextWeight = total;
        for (Server s : servers) {
            queueByWeight(g.init, nodes.get(s));
        }
        return g;
    }

    @Override
    public boolean queueMeansFull() {
        return true;
    }

    /**
     * fwrr_set_server_status_down/up(): the trees are updated in place so that the others keep
     * their positions. A server going down leaves its tree and its weight leaves the group's
     * next window; one coming back joins the current window at a position as far ahead as its
     * share of what is left of the window, keeping the remainder it had.
     */
    @Override
    public boolean statusChanged(Server s, ServerGroups now) {
        groups = now;
        Group g = s.isBackup() ? backup : active;
        Node n = nodes.computeIfAbsent(s, Node::new);
        if (!s.isUsable()) {
            if (n.tree() != null) {
                g.nextWeight -= n.eweight;
                treeOf(n).delete(n);
            }
            return true;
        }
        if (n.tree() != null) {
            return true;
        }
        n.eweight = s.eweight();
        g.nextWeight += n.eweight;
        n.npos = g.currPos + (g.nextWeight + g.currWeight - g.currPos) / n.eweight;
        queue(g, n);
        return true;
    }


    @Override
    public Server choose(LbRequest request, Server avoid) {
        Group g;
        if (!groups.active().isEmpty()) {
            g = active;
        } else if (groups.firstBackup() != null) {
            return groups.firstBackup();
        } else if (!groups.backup().isEmpty()) {
            g = backup;
        } else {
            return null;
        }
        boolean switched = false;
        Node avoided = null;
        Node picked;
        List<Node> full = new ArrayList<>(0);
        pick:
        while (true) {
            if (g.currWeight == 0) {
                g.currPos = g.currWeight = g.nextWeight;
            }
            while (true) {
                picked = fromGroup(g);
                if (picked != null) {
                    break;
                }
                if (switched) {
                    if (avoided != null) {
                        picked = avoided;
                        break pick;
                    }
                    requeue(g, full, null, true);
                    return null;
                }
                switched = true;
                switchTrees(g);
            }
            updatePosition(g, picked);
            LbTree<Node> tree = treeOf(picked);
            if (tree != null) {
                tree.delete(picked);
            }
            g.currPos++;
            if (!Saturation.full(picked.server)) {
                if (picked.server != avoid || avoided != null) {
                    break;
                }
                avoided = picked;
            }
            // saturated or avoided: put back once the pick is done, most recent first
            full.add(0, picked);
        }
        queue(g, picked);
        requeue(g, full, picked, switched);
        return picked.server;
    }

    @Override
    public boolean dynamicWeights() {
        return true;
    }

    /**
     * fwrr_update_server_weight(): a server staying usable with another effective weight keeps
     * its place if it is new in this window ("init"), else its next position is brought
     * closer or pushed back by its new step from its last one, never past where it was.
     */
    @Override
    public boolean weightChanged(Server s, ServerGroups now) {
        Node n = nodes.get(s);
        if (n == null || n.tree() == null || !s.isUsable()) {
            return statusChanged(s, now);
        }
        groups = now;
        Group g = s.isBackup() ? backup : active;
        int next = s.eweight();
        g.nextWeight = g.nextWeight - n.eweight + next;
        if (n.tree() == g.init) {
            g.init.delete(n);
            n.eweight = next;
            queueByWeight(g.init, n);
            return true;
        }
        if (n.tree() == g.next) {
            n.npos += g.currWeight;
        }
        if (next > 0) {
            long before = n.npos;
            long step = g.nextWeight / next;
            n.npos = Math.min(n.lpos + step, before);
            n.rweight = 0;
            if (n.npos < g.currPos + 2) {
                n.npos = g.currPos + step;
            }
        } else {
            n.npos = g.currPos + g.currWeight;
        }
        treeOf(n).delete(n);
        n.eweight = next;
        queue(g, n);
        return true;
    }

    @SuppressWarnings("unchecked")
    private static LbTree<Node> treeOf(Node n) {
        // a node of a server taken out of its tree (down) has no tree
        return (LbTree<Node>) n.tree();
    }

    private void requeue(Group g, List<Node> full, Node picked, boolean switched) {
        for (Node n : full) {
            if (n == picked) {
                continue;
            }
            if (switched) {
                // the window turned: their place is lost, only their weight matters
                queueByWeight(g.init, n);
            } else {
                queue(g, n);
            }
        }
    }

    /** The first server of the current window if its turn came, else the heaviest new one. */
    private static Node fromGroup(Group g) {
        Node s1 = g.curr.first();
        if (s1 != null && s1.eweight > 0 && s1.npos <= g.currPos) {
            return s1;
        }
        Node s2 = g.init.first();
        if (s2 != null && s2.eweight > 0) {
            s2.npos = 0;
            s2.rweight = 0;
            return s2;
        }
        return s1;
    }

    private static void switchTrees(Group g) {
        LbTree<Node> swap = g.init;
        g.init = g.next;
        g.next = swap;
        g.currWeight = g.nextWeight;
        g.currPos = g.currWeight;
    }

    /** Moves the server forward by total/weight, carrying the remainder as haproxy does. */
    private static void updatePosition(Group g, Node s) {
        if (s.eweight == 0) {
            return;
        }
        if (s.npos == 0) {
            s.npos = g.currPos;
        }
        s.lpos = s.npos;
        s.npos += g.nextWeight / s.eweight;
        s.rweight += g.nextWeight % s.eweight;
        if (s.rweight >= s.eweight) {
            s.rweight -= s.eweight;
            s.npos++;
        }
    }

    /** Places the server in the current window at its next position, or in the next window. */
    private static void queue(Group g, Node s) {
        if (s.eweight <= 0 || s.npos >= 2 * g.currWeight || s.npos >= g.currWeight + g.nextWeight) {
            s.npos -= g.currWeight;
            queueByWeight(g.next, s);
            return;
        }
        long key = UWEIGHT_RANGE * s.npos + (EWEIGHT_MAX + s.rweight - s.eweight) / WEIGHT_SCALE;
        g.curr.insert(s, key);
    }

    /** Heaviest first. */
    private static void queueByWeight(LbTree<Node> tree, Node s) {
        tree.insert(s, EWEIGHT_MAX - s.eweight);
    }
}
