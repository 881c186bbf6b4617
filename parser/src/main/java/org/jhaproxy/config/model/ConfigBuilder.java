package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything parsed so far, mutable while the files are read; {@link #build()} freezes it into
 * the immutable model once the post-parse checks passed.
 */
public final class ConfigBuilder {
    private final GlobalBuilder global = new GlobalBuilder();
    private final List<ProxyBuilder> proxies = new ArrayList<>();
    private final Map<String, ProxyBuilder> defaults = new LinkedHashMap<>();
    private ProxyBuilder currentDefaults;
    private final List<String> files = new ArrayList<>();
    private final List<KeywordUse> uses = new ArrayList<>();

    public GlobalBuilder global() {
        return global;
    }

    public List<ProxyBuilder> proxies() {
        return proxies;
    }

    public Map<String, ProxyBuilder> defaults() {
        return defaults;
    }

    public ProxyBuilder currentDefaults() {
        return currentDefaults;
    }

    public void currentDefaults(ProxyBuilder d) {
        this.currentDefaults = d;
    }

    public List<String> files() {
        return files;
    }

    /** Every keyword line read, in order: what the runtime must execute. */
    public List<KeywordUse> uses() {
        return uses;
    }

    public Config build() {
        return new Config(List.copyOf(files), Map.copyOf(global.settings()), proxies.stream().map(p -> p.name()).toList());
    }
}
