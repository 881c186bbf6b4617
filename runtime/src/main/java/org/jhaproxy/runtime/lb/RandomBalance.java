package org.jhaproxy.runtime.lb;

import java.util.concurrent.ThreadLocalRandom;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.server.Server;

/**
 * "balance random[(draws)]" (get_server_rnd()): random points on the consistent-hash ring;
 * with several draws the least loaded of the servers drawn (served / weight) wins. A server
 * that is full or has a queue is not taken, so the stream waits in the backend queue.
 */
public final class RandomBalance implements LbAlgorithm {
    private final ConsistentHashTree ring;
    private final ServerGroups groups;
    private final int draws;

    RandomBalance(ServerGroups groups, Line balance) {
        this.groups = groups;
        this.ring = HashType.ring(groups);
        String a = balance.arg(1);
        int open = a.indexOf('(');
        this.draws = open < 0 ? 2 : Integer.parseInt(a.substring(open + 1, a.indexOf(')')));
    }

    @Override
    public Server choose(LbRequest request, Server avoid) {
        if (groups.used().isEmpty()) {
            return null;
        }
        Server curr = null;
        int left = draws;
        do {
            Server prev = curr;
            curr = ring.byHash(ThreadLocalRandom.current().nextLong(1L << 32), avoid);
            if (curr == null) {
                break;
            }
            if (prev != null && prev != curr
                    && (long) curr.currentConns() * prev.weight() > (long) prev.currentConns() * curr.weight()) {
                curr = prev;
            }
        } while (--left > 0);
        if (curr != null && (curr.queue().length() > 0 || curr.maxconn() > 0 && curr.currentConns() >= org.jhaproxy.runtime.queue.DynamicMaxconn.of(curr))) {
            return null;
        }
        return curr;
    }

}
