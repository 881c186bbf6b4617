package org.jhaproxy.runtime.lb;

import java.util.List;
import org.jhaproxy.runtime.server.Server;

/**
 * "balance roundrobin": servers in turn, each as often as its weight; the backup servers only
 * when no active one is usable (the first usable backup, unless "option allbackups").
 */
public final class RoundRobin implements LbAlgorithm {
    private final List<Server> active;
    private final List<Server> backup;
    private final int[] current;
    private final Object lock = new Object();

    public RoundRobin(List<Server> servers) {
        this.active = servers.stream().filter(s -> !s.isBackup()).toList();
        this.backup = servers.stream().filter(Server::isBackup).toList();
        this.current = new int[active.size()];
    }

    @Override
    public Server choose(LbRequest request) {
        Server s = smoothWeighted();
        if (s != null) {
            return s;
        }
        for (Server b : backup) {
            if (b.isUsable() && b.hasFreeSlot()) {
                return b;
            }
        }
        return null;
    }

    /** Smooth weighted round robin: each pick raises every server by its weight, the highest goes. */
    private Server smoothWeighted() {
        synchronized (lock) {
            int total = 0;
            int best = -1;
            for (int i = 0; i < active.size(); i++) {
                Server s = active.get(i);
                if (!s.isUsable() || !s.hasFreeSlot()) {
                    continue;
                }
                current[i] += s.weight();
                total += s.weight();
                if (best < 0 || current[i] > current[best]) {
                    best = i;
                }
            }
            if (best < 0) {
                return null;
            }
            current[best] -= total;
            return active.get(best);
        }
    }
}
