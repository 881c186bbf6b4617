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
    private final List<Proxy> all = new ArrayList<>();
    private final int firstId;
    private final Config config;
    private final org.jhaproxy.runtime.acl.PatternReferences patterns = new org.jhaproxy.runtime.acl.PatternReferences();
    private final org.jhaproxy.runtime.stick.StickTables stickTables;
    private final org.jhaproxy.runtime.cache.Caches caches;

    public Proxies(Config config) {
        this.config = config;
        // proxy ids (uuid, "iid" in the stats) are numbered from 1 in declaration order, after
        // the stats socket's internal "GLOBAL" proxy when there is one
        boolean socket = config.globalLines().stream().anyMatch(l -> l.keyword().equals("stats") && l.arg(1).equals("socket"));
        this.firstId = socket ? 2 : 1;
        this.stickTables = org.jhaproxy.runtime.stick.StickTables.of(config.proxies(), config.peersTables(), config.files());
        this.caches = new org.jhaproxy.runtime.cache.Caches(config);
        for (ProxyConfig pc : config.proxies()) {
            all.add(new Proxy(pc, httpErrorSections(config)));
        }
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

    /** The id of the first declared proxy; the others follow in order. */
    public int firstId() {
        return firstId;
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
