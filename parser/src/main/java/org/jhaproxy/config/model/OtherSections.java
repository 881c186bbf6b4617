package org.jhaproxy.config.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named sections other than proxies and peers, by kind, while the files are read. Each
 * kind keeps its sections by name in declaration order, which is what the duplicate-name
 * checks and the references from proxies (userlist in http-request auth, resolvers on servers,
 * cache in cache-use, ring in log targets, http-errors in errorfiles...) look at.
 */
public final class OtherSections {
    private final Map<String, Map<String, NamedSection>> byKind = new LinkedHashMap<>();

    /** The sections of one kind ("userlist", "resolvers"...), by name. */
    public Map<String, NamedSection> of(String kind) {
        return byKind.computeIfAbsent(kind, k -> new LinkedHashMap<>());
    }

    public NamedSection find(String kind, String name) {
        return of(kind).get(name);
    }

    boolean logForwardHasListener() {
        for (NamedSection s : of("log-forward").values()) {
            if (s.listeners() > 0) {
                return true;
            }
        }
        return false;
    }
}
