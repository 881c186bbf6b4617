package org.jhaproxy.runtime.lb;

import java.util.List;
import org.jhaproxy.config.model.ProxyConfig;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.server.Server;

/** The "balance" keyword's algorithms, by name: one class each, built once per backend. */
public final class LbAlgorithms {
    private LbAlgorithms() {
    }

    public static LbAlgorithm create(ProxyConfig backend, List<Server> servers, ServerGroups groups) {
        Line balance = backend.last("balance");
        String algo = backend.balanceAlgorithm() == null ? "roundrobin" : backend.balanceAlgorithm();
        return switch (algo) {
            case "hdr" -> new HeaderHash(hashType(backend, servers, groups), groups, balance);
            case "random" -> new RandomBalance(groups, balance);
            case "static-rr" -> new StaticRoundRobin(new ServerMap(servers, groups));
            case "leastconn" -> new LeastConn(groups);
            case "first" -> new First(groups);
            case "source" -> new SourceHash(hashType(backend, servers, groups), groups);
            case "uri" -> new UriHash(hashType(backend, servers, groups), groups, balance);
            case "url_param" -> new UrlParamHash(hashType(backend, servers, groups), groups, balance);
            default -> new RoundRobin(groups);
        };
    }

    private static HashType hashType(ProxyConfig backend, List<Server> servers, ServerGroups groups) {
        return HashType.of(backend.last("hash-type"), servers, groups);
    }
}
