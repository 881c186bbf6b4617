package org.jhaproxy.runtime.lb;

import java.util.List;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.runtime.server.Server;

/** The "balance" keyword's algorithms, by name: one class each. */
public final class LbAlgorithms {
    private LbAlgorithms() {
    }

    public static LbAlgorithm create(ProxyConfig backend, List<Server> servers) {
        String algo = backend.balanceAlgorithm() == null ? "roundrobin" : backend.balanceAlgorithm();
        return switch (algo) {
            default -> new RoundRobin(servers);
        };
    }
}
