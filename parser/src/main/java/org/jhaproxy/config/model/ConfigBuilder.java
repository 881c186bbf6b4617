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

    // ---- h1: the section kinds other than global and proxies (peers, userlist, resolvers...) ----
    private final List<PeersBuilder> peersSections = new ArrayList<>();
    private final OtherSections otherSections = new OtherSections();

    /** The "peers" sections in declaration order (cfg_peers). */
    public List<PeersBuilder> peersSections() {
        return peersSections;
    }

    /** userlist, resolvers, mailers, cache, ring, http-errors, program, log-forward, fcgi-app. */
    public OtherSections otherSections() {
        return otherSections;
    }

    /**
     * Listeners outside proxies that make "-c" report a valid configuration: a peers section
     * with its local peer, or a log-forward section with a bind (haproxy.c's MODE_CHECK end).
     */
    public boolean sectionsHaveListener() {
        for (PeersBuilder p : peersSections) {
            if (!p.disabled() && p.localPeerSeen()) {
                return true;
            }
        }
        // the CLI frontend of "stats socket" and the master's CLI proxy are proxies too
        if (global.number("stats socket") > 0 || global.isSet("master-worker")) {
            return true;
        }
        return otherSections.logForwardHasListener();
    }
    // ---- end h1 ----

    public Config build() {
        return new Config(files, global.settings(), proxies.stream().map(ProxyFreeze::freeze).toList(),
                global.lines().all(), global.logTargets(), httpErrors(), resolvers(),
                otherSections.of("ring").values().stream().map(RingConfig::freeze).toList(),
                otherSections.of("log-forward").values().stream().map(LogForwardConfig::freeze).toList(),
                userlists(),
                peersSections.stream().flatMap(p -> p.tables().stream()).toList(), caches(), fcgiApps());
    }

    /** The fcgi-app sections by name. */
    private Map<String, FcgiAppConfig> fcgiApps() {
        Map<String, FcgiAppConfig> all = new java.util.HashMap<>();
        otherSections.of("fcgi-app").forEach((name, section) -> all.put(name, FcgiAppConfig.freeze(section)));
        return all;
    }

    /** The cache sections, in declaration order ("show cache" lists them so). */
    private Map<String, CacheConfig> caches() {
        Map<String, CacheConfig> all = new java.util.LinkedHashMap<>();
        otherSections.of("cache").forEach((name, section) -> all.put(name, CacheConfig.freeze(section)));
        return all;
    }

    private Map<String, ResolversConfig> resolvers() {
        Map<String, ResolversConfig> all = new java.util.LinkedHashMap<>();
        otherSections.of("resolvers").forEach((name, section) -> all.put(name, ResolversConfig.freeze(section)));
        return all;
    }

    private Map<String, UserlistConfig> userlists() {
        Map<String, UserlistConfig> all = new java.util.LinkedHashMap<>();
        otherSections.of("userlist").forEach((name, section) -> all.put(name, UserlistConfig.freeze(section)));
        return all;
    }

    private Map<String, Map<Integer, String>> httpErrors() {
        Map<String, Map<Integer, String>> all = new java.util.HashMap<>();
        otherSections.of("http-errors").forEach((name, section) -> {
            Map<Integer, String> files = new java.util.HashMap<>();
            for (NamedSection.Entry e : section.entries().values()) {
                if (e.kind().equals("errorfile")) {
                    files.put(Integer.parseInt(e.name()), e.args().get(0));
                }
            }
            all.put(name, Map.copyOf(files));
        });
        return all;
    }

    // ---- h9: status codes listed on each "errorfiles <name> <code>..." line, by its position ----
    private final Map<Position, List<Integer>> errorFilesCodes = new java.util.HashMap<>();

    /** The codes named explicitly on the errorfiles line at each position (empty: all of them). */
    public Map<Position, List<Integer>> errorFilesCodes() {
        return errorFilesCodes;
    }
}
