package org.jhaproxy.config.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.action.RuleSet;
import org.jhaproxy.config.source.Line;

/**
 * A frontend, backend or listen section, frozen once the configuration is valid: what the
 * runtime builds a running proxy from. Values HAProxy resolves at parse time (effective
 * timeouts after defaults, the effective option set) are already resolved here; settings read
 * from the section's lines ({@link #lines()}) follow "the last line wins".
 */
public record ProxyConfig(String name, Position at, Set<ProxyCapability> caps, ProxyMode mode, boolean disabled,
                          List<Bind> binds, List<ServerConfig> servers, Map<TimeoutKind, Long> timeouts,
                          Set<String> options, String httpConnectionMode, String balanceAlgorithm,
                          String defaultBackend, List<ProxyRules.BackendRef> useBackends,
                          Map<RuleSet, List<ProxyRules.Rule>> rules, List<ProxyRules.Rule> redirects,
                          List<Line> lines, ProxyLogging logging, List<ProxyRules.Rule> statsAdmin,
                          List<org.jhaproxy.config.acl.KnownAcls.Declaration> acls,
                          List<ProxyRules.StickRule> stickRules) {
    public ProxyConfig {
        caps = Set.copyOf(caps);
        binds = List.copyOf(binds);
        servers = List.copyOf(servers);
        timeouts = Map.copyOf(timeouts);
        options = Set.copyOf(options);
        useBackends = List.copyOf(useBackends);
        rules = Map.copyOf(rules);
        redirects = List.copyOf(redirects);
        lines = List.copyOf(lines);
        statsAdmin = List.copyOf(statsAdmin);
        acls = List.copyOf(acls);
        stickRules = List.copyOf(stickRules);
    }

    public boolean isFrontend() {
        return caps.contains(ProxyCapability.FRONTEND);
    }

    public boolean isBackend() {
        return caps.contains(ProxyCapability.BACKEND);
    }

    /** A timeout in milliseconds, or 0 when not set (HAProxy's TICK_ETERNITY for most). */
    public long timeout(TimeoutKind kind) {
        Long v = timeouts.get(kind);
        return v == null ? 0 : v;
    }

    public List<ProxyRules.Rule> rules(RuleSet set) {
        return rules.getOrDefault(set, List.of());
    }

    /** The last line of this section (inherited ones included) starting with these words, or null. */
    public Line last(String keyword, String sub) {
        return ProxyLines.last(lines, keyword, sub);
    }

    public Line last(String keyword) {
        return last(keyword, null);
    }

    /** "option NAME" in effect (set in the section or its defaults, not undone by "no option"). */
    public boolean option(String name) {
        return options.contains(name);
    }

    /** A numeric setting such as "retries" or "maxconn", {@code dflt} when not written. */
    public long number(String keyword, long dflt) {
        Line l = last(keyword);
        return l == null ? dflt : atol(l.arg(1));
    }

    /**
     * C's atol(), as haproxy reads these numbers: the leading digits (after blanks and a sign),
     * 0 when there are none ("retries many" is 0 retries), and LONG_MAX or LONG_MIN when they
     * overflow, as glibc's strtol() saturates.
     */
    public static long atol(String text) {
        return org.jhaproxy.config.global.CNumber.atol(text);
    }
}
