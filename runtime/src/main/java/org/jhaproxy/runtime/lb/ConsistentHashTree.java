package org.jhaproxy.runtime.lb;

import java.util.List;
import org.jhaproxy.runtime.server.Server;

/**
 * "hash-type consistent" (lb_chash.c): each usable server owns weight * 16 points on a 32-bit
 * ring at avalanche(id * 4096 + i), so that adding or removing a server only moves the keys
 * next to its points. A hash goes to the nearest point, the one before it on a tie.
 */
final class ConsistentHashTree {
    private final ServerGroups groups;
    private final LbTree<Point> active = new LbTree<>();
    private final LbTree<Point> backup = new LbTree<>();
    private Point last;

    private static final class Point extends LbTree.Node {
        final Server server;

        Point(Server server) {
            this.server = server;
        }
    }

    ConsistentHashTree(ServerGroups groups) {
        this.groups = groups;
        place(groups.active(), active);
        place(groups.backup(), backup);
    }

    private static void place(List<Server> servers, LbTree<Point> tree) {
        for (Server s : servers) {
            int points = s.weight() * RoundRobin.WEIGHT_SCALE;
            for (int j = 0; j < points; j++) {
                tree.insert(new Point(s), HashFunction.avalanche((long) s.puid() * RoundRobin.EWEIGHT_MAX + j));
            }
        }
    }

    private LbTree<Point> usedTree() {
        return groups.active().isEmpty() ? backup : active;
    }

    /** chash_get_server_hash(): the server nearest to the hash; {@code avoid} moves on to the next point. */
    Server byHash(long hash, Server avoid) {
        if (groups.active().isEmpty() && groups.firstBackup() != null) {
            return groups.firstBackup();
        }
        LbTree<Point> root = usedTree();
        Point next = root.lookupGe(hash);
        if (next == null) {
            next = root.first();
        }
        if (next == null) {
            return null;
        }
        Point prev = root.prev(next);
        if (prev == null) {
            prev = root.last();
        }
        long dp = (hash - prev.key) & 0xffffffffL;
        long dn = (next.key - hash) & 0xffffffffL;
        if (dp <= dn) {
            next = prev;
        }
        int loops = 0;
        while (next.server == avoid) {
            next = root.next(next);
            if (next == null) {
                next = root.first();
                if (++loops > 1) {
                    break;
                }
            }
        }
        return next.server;
    }

    /** chash_get_next_server(): the points in ring order, for requests without a hash key. */
    Server next(Server avoid) {
        if (groups.active().isEmpty() && groups.firstBackup() != null) {
            return groups.firstBackup();
        }
        LbTree<Point> root = usedTree();
        Point stop = last;
        Point node = last;
        Server avoided = null;
        Point avoidedNode = null;
        do {
            if (node != null) {
                node = root.next(node);
            }
            if (node == null) {
                node = root.first();
            }
            last = node;
            if (node == null) {
                return null;
            }
            if (stop == null) {
                stop = node;
            }
            Server s = node.server;
            if (!Saturation.full(s)) {
                if (s != avoid) {
                    return s;
                }
                avoided = s;
                avoidedNode = node;
            }
        } while (node != stop);
        last = avoidedNode;
        return avoided;
    }
}
