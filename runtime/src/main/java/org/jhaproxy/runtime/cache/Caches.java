package org.jhaproxy.runtime.cache;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jhaproxy.config.model.CacheConfig;
import org.jhaproxy.config.model.Config;

/** The caches of a configuration, by name, in declaration order (what "show cache" walks). */
public final class Caches {
    private final Map<String, Cache> byName = new LinkedHashMap<>();

    public Caches(Config config) {
        for (CacheConfig c : config.caches().values()) {
            byName.put(c.name(), new Cache(c));
        }
    }

    public Cache get(String name) {
        return byName.get(name);
    }

    /** "show cache" (management.txt 9.3): every cache and its live objects. */
    public String show() {
        StringBuilder out = new StringBuilder();
        long address = 0x7f0000001000L;
        for (Cache c : byName.values()) {
            c.show(out, address + 0x3a);
            address += 0x1000000L;
        }
        return out.toString();
    }
}
