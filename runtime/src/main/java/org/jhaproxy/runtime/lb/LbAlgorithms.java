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
            case "rdp-cookie" -> new RdpCookieHash(hashType(backend, servers, groups), groups, balance);
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

    /**
     * Whether the backend's weights may change at run time (BE_LB_PROP_DYN): not with static-rr
     * nor with a map-based hash, whose server map is built once.
     */
    public static boolean dynamicWeights(ProxyConfig backend) {
        String algo = backend.balanceAlgorithm() == null ? "roundrobin" : backend.balanceAlgorithm();
        return switch (algo) {
            case "roundrobin", "leastconn", "first", "random" -> true;
            case "static-rr" -> false;
            default -> {
                Line h = backend.last("hash-type");
                yield h != null && h.arg(1).equals("consistent");
            }
        };
    }

    private static HashType hashType(ProxyConfig backend, List<Server> servers, ServerGroups groups) {
        return HashType.of(backend.last("hash-type"), servers, groups);
    }
}
