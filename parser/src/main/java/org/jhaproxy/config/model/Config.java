package org.jhaproxy.config.model;

import java.util.List;
import java.util.Map;

/** The validated configuration the runtime starts from. Immutable. */
public record Config(List<String> files, Map<String, GlobalBuilder.Setting> global, List<ProxyConfig> proxies,
                     List<org.jhaproxy.config.source.Line> globalLines, List<LogTarget> logTargets,
                     Map<String, Map<Integer, String>> httpErrors, Map<String, ResolversConfig> resolvers,
                     List<RingConfig> rings, List<LogForwardConfig> logForwards,
                     Map<String, UserlistConfig> userlists, List<PeersTable> peersTables,
                     Map<String, CacheConfig> caches, Map<String, FcgiAppConfig> fcgiApps) {
    public Config {
        fcgiApps = Map.copyOf(fcgiApps);
        rings = List.copyOf(rings);
        logForwards = List.copyOf(logForwards);
        userlists = Map.copyOf(userlists);
        peersTables = List.copyOf(peersTables);
        caches = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(caches));
        resolvers = Map.copyOf(resolvers);
        httpErrors = Map.copyOf(httpErrors);
        logTargets = List.copyOf(logTargets);
        globalLines = List.copyOf(globalLines);
        files = List.copyOf(files);
        global = Map.copyOf(global);
        proxies = List.copyOf(proxies);
    }

    /** The error files of each http-errors section: status to file, the last line of a status winning. */
    public Map<Integer, String> httpErrors(String section) {
        return httpErrors.getOrDefault(section, Map.of());
    }

    /** The "userlist" section of that name, or null. */
    public UserlistConfig userlist(String name) {
        return userlists.get(name);
    }

    public List<String> proxyNames() {
        return proxies.stream().map(ProxyConfig::name).toList();
    }

    public ProxyConfig proxy(String name) {
        for (ProxyConfig p : proxies) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The last global line with this keyword, or null. */
    public org.jhaproxy.config.source.Line globalLine(String keyword) {
        return ProxyLines.last(globalLines, keyword, null);
    }

    /** A numeric global setting ("maxconn", "nbthread", "tune.bufsize"), {@code dflt} when not set. */
    public long globalNumber(String keyword, long dflt) {
        org.jhaproxy.config.source.Line l = globalLine(keyword);
        return l == null ? dflt : Long.parseLong(l.arg(1));
    }

    /** The words after a global keyword, or null when it is not set. */
    public List<String> global(String keyword) {
        GlobalBuilder.Setting s = global.get(keyword);
        return s == null ? null : s.args();
    }
}
