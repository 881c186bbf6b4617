package org.jhaproxy.runtime.lb;

import org.jhaproxy.runtime.server.Server;

/** "balance static-rr": the server map (lb_map.c) walked in turn; weights are fixed at start. */
public final class StaticRoundRobin implements LbAlgorithm {
    private ServerMap map;

    StaticRoundRobin(ServerMap map) {
        this.map = map;
    }

    @Override
    public Server choose(LbRequest request, Server avoid) {
        return map.next(avoid);
    }

    /** recalc_server_map(): the map is filled again, the walk goes on from the same slot index. */
    @Override
    public boolean statusChanged(Server server, ServerGroups groups) {
        map = map.rebuilt(groups);
        return true;
    }

    /** static-rr has no update_server_eweight: a weight set to 0% or 100% recomputes the map the same way. */
    @Override
    public boolean weightChanged(Server server, ServerGroups groups) {
        return statusChanged(server, groups);
    }

    @Override
    public boolean queueMeansFull() {
        return true;
    }

}
