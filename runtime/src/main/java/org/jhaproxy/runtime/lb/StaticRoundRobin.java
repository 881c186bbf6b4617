package org.jhaproxy.runtime.lb;

import org.jhaproxy.runtime.server.Server;

/** "balance static-rr": the server map (lb_map.c) walked in turn; weights are fixed at start. */
public final class StaticRoundRobin implements LbAlgorithm {
    private final ServerMap map;

    StaticRoundRobin(ServerMap map) {
        this.map = map;
    }

    @Override
    public Server choose(LbRequest request, Server avoid) {
        return map.next(avoid);
    }

    @Override
    public boolean queueMeansFull() {
        return true;
    }

}
