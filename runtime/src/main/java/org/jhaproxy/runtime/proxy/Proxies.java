package org.jhaproxy.runtime.proxy;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.model.ProxyConfig;

/**
 * Every running proxy of a configuration in declaration order, linked to one another
 * (default_backend). A frontend and a backend may share a name, so lookups say which they want.
 */
public final class Proxies {
    /** "id": the proxy's uuid, as the stats, fe_id/be_id and the server state show it (ProxyIdsIT). */
    public static final java.util.Set<String> EXECUTED = java.util.Set.of("proxy id");
    private final List<Proxy> all = new ArrayList<>();
    /** Each proxy's uuid: its "id", else the lowest id left, in declaration order. */
    private final java.util.Map<Proxy, Integer> uuids = new java.util.IdentityHashMap<>();
    private final Config config;
    private final org.jhaproxy.runtime.acl.PatternReferences patterns = new org.jhaproxy.runtime.acl.PatternReferences();
    private final org.jhaproxy.runtime.stick.StickTables stickTables;
    private final org.jhaproxy.runtime.cache.Caches caches;

    public Proxies(Config config) {
        this.config = config;
        // proxy ids (uuid, "iid" in the stats) are numbered from 1 in declaration order, after
        // the stats socket's internal "GLOBAL" proxy when there is one
        boolean socket = config.globalLines().stream().anyMatch(l -> l.keyword().equals("stats") && l.arg(1).equals("socket"));
        this.stickTables = org.jhaproxy.runtime.stick.StickTables.of(config.proxies(), config.peersTables(), config.files());
        this.caches = new org.jhaproxy.runtime.cache.Caches(config);
        for (ProxyConfig pc : config.proxies()) {
            all.add(new Proxy(pc, httpErrorSections(config)));
        }
        assignUuids(socket);
        for (Proxy p : all) {
            String def = p.config().defaultBackend();
            if (def != null) {
                p.defaultBackend(backend(def));
            }
        }
    }

    private static java.util.Map<String, java.util.Map<Integer, String>> httpErrorSections(Config config) {
        java.util.Map<String, java.util.Map<Integer, String>> m = new java.util.HashMap<>();
        for (ProxyConfig pc : config.proxies()) {
            for (org.jhaproxy.config.source.Line l : pc.lines()) {
                if (l.keyword().equals("errorfiles")) {
                    m.put(l.arg(1), config.httpErrors(l.arg(1)));
                }
            }
        }
        return m;
    }

    /** The "cache" sections, shared by every proxy's cache-use and cache-store rules. */
    public org.jhaproxy.runtime.cache.Caches caches() {
        return caches;
    }

    /** The configuration the proxies were built from (its global settings). */
    public Config config() {
        return config;
    }

    /** The proxy with the backend capability of that name, or null. */
    public Proxy backend(String name) {
        for (Proxy p : all) {
            if (p.config().isBackend() && p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /**
     * haproxy's proxy ids (uuid: "iid" in the stats, fe_id/be_id, HAPROXY_PROXY_ID), numbered as
     * check_config_validity() does: a counter walks the proxies in declaration order, the stats
     * socket's "GLOBAL" proxy (declared by the global section) first; a proxy without "id" takes
     * the lowest id from the counter on that no "id" took, and the counter moves on by one at
     * every proxy, given an id or not.
     */
    private void assignUuids(boolean socket) {
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (Proxy p : all) {
            long id = p.config().number("id", 0);
            if (id > 0 && id <= Integer.MAX_VALUE) {
                uuids.put(p, (int) id);
                taken.add((int) id);
            }
        }
        int next = 1;
        if (socket) {
            while (taken.contains(next)) {
                next++;
            }
            taken.add(next++);
        }
        for (Proxy p : all) {
            if (!uuids.containsKey(p)) {
                while (taken.contains(next)) {
                    next++;
                }
                uuids.put(p, next);
                taken.add(next);
            }
            next++;
        }
    }

    /** The proxy's uuid (see {@link #assignUuids}). */
    public int uuid(Proxy p) {
        Integer id = uuids.get(p);
        return id == null ? 0 : id;
    }

    /** The maps and pattern files of the configuration, shared by every proxy's rules. */
    public org.jhaproxy.runtime.acl.PatternReferences patterns() {
        return patterns;
    }

    /** The stick-tables of the configuration, which every proxy's rules and the stats socket share. */
    public org.jhaproxy.runtime.stick.StickTables stickTables() {
        return stickTables;
    }

    public List<Proxy> all() {
        return List.copyOf(all);
    }
}
