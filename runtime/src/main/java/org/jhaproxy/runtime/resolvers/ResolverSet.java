package org.jhaproxy.runtime.resolvers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * The running "resolvers" sections of a process and the servers they resolve: started with
 * the engine, closed with it.
 */
public final class ResolverSet {
    private final Map<String, Resolvers> sections;

    private ResolverSet(Map<String, Resolvers> sections) {
        this.sections = sections;
    }

    /** Starts the resolution of every server naming a "resolvers" section with a host name. */
    public static ResolverSet start(Config config, List<Proxy> proxies, Transport transport, Events events) {
        Map<String, Resolvers> sections = new LinkedHashMap<>();
        // one resolution per name, query type and section, its servers in declaration order
        Map<String, Resolution> resolutions = new LinkedHashMap<>();
        // one SRV query per name and backend (find_srvrq_by_name()), its servers in declaration order
        Map<String, SrvResolution> srvQueries = new LinkedHashMap<>();
        for (Proxy p : proxies) {
            for (Server s : p.servers()) {
                String id = s.config().option("resolvers", null);
                String fqdn = s.config().address() == null ? null : s.config().address().fqdn();
                if (id == null || fqdn == null || !config.resolvers().containsKey(id)) {
                    continue;
                }
                Resolvers r = sections.computeIfAbsent(id,
                        k -> new Resolvers(config.resolvers().get(k), transport.group().next(), transport.isEpoll()));
                if (s.srvRecord() != null) {
                    srvQueries.computeIfAbsent(p.name() + " " + fqdn, k -> new SrvResolution(r, events, fqdn)).add(s);
                    continue;
                }
                boolean ipv4 = s.config().option("resolve-prefer", "ipv6").equals("ipv4");
                resolutions.computeIfAbsent(id + " " + fqdn.toLowerCase(java.util.Locale.ROOT) + " " + ipv4,
                        k -> new Resolution(r, events, fqdn, ipv4)).add(s);
            }
        }
        resolutions.values().forEach(Resolution::start);
        srvQueries.values().forEach(SrvResolution::start);
        return new ResolverSet(sections);
    }

    public void close() {
        sections.values().forEach(r -> r.loop().execute(r::close));
    }
}
