package org.jhaproxy.runtime.lb;

import java.util.Comparator;
import java.util.List;
import org.jhaproxy.runtime.server.Server;

/**
 * "balance first" (lb_fas.c): the first server by id with a free connection slot, so that a
 * server is only used once the previous ones are full ("maxconn").
 */
public final class First implements LbAlgorithm {
    private final ServerGroups groups;
    private final List<Server> active;
    private final List<Server> backup;

    First(ServerGroups groups) {
        this.groups = groups;
        Comparator<Server> byId = Comparator.comparingInt(Server::puid);
        this.active = groups.active().stream().sorted(byId).toList();
        this.backup = groups.backup().stream().sorted(byId).toList();
    }

    @Override
    public Server choose(LbRequest request, Server avoid) {
        List<Server> candidates;
        if (!active.isEmpty()) {
            candidates = active;
        } else if (groups.firstBackup() != null) {
            return groups.firstBackup();
        } else {
            candidates = backup;
        }
        Server avoided = null;
        for (Server s : candidates) {
            if (!Saturation.full(s)) {
                if (s != avoid) {
                    return s;
                }
                avoided = s;
            }
        }
        return avoided;
    }

    @Override
    public boolean queueMeansFull() {
        return true;
    }
}
