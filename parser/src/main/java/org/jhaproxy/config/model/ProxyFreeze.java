package org.jhaproxy.config.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.action.RuleSet;
import org.jhaproxy.config.model.server.ServerBuilder;

/** Turns a parsed proxy section into its immutable {@link ProxyConfig}. */
final class ProxyFreeze {
    private ProxyFreeze() {
    }

    static ProxyConfig freeze(ProxyBuilder p) {
        Map<TimeoutKind, Long> timeouts = new EnumMap<>(TimeoutKind.class);
        for (TimeoutKind k : TimeoutKind.values()) {
            long v = p.timeout(k);
            if (v > 0) {
                timeouts.put(k, v);
            }
        }
        Set<String> options = new LinkedHashSet<>(p.options());
        options.removeAll(p.noOptions());
        List<ServerConfig> servers = new ArrayList<>();
        for (ServerBuilder s : p.servers()) {
            // "no-agent-check" after "agent-check" (or a default-server's) leaves no agent
            Map<String, String> serverOptions = new java.util.LinkedHashMap<>(s.options());
            if (!s.agentCheck()) {
                serverOptions.remove("agent-check");
            }
            // "ssl" and "no-ssl" (a server's or its default-server's): the last one said wins
            serverOptions.remove(s.ssl() ? "no-ssl" : "ssl");
            if (s.checkSsl() != 0) {
                serverOptions.remove(s.checkSsl() > 0 ? "no-check-ssl" : "check-ssl");
            }
            if (!s.isTemplate()) {
                servers.add(new ServerConfig(s.name(), s.at(), s.id(), s.address(), s.addressText(), serverOptions,
                        s.backup(), s.disabled(), s.check()));
                continue;
            }
            // "server-template www 1-3 name:80": servers www1, www2, www3, numbered like the others
            for (int i = s.templateLow(); i <= s.templateHigh(); i++) {
                servers.add(new ServerConfig(s.name() + i, s.at(), 0, s.address(), s.addressText(), serverOptions,
                        s.backup(), s.disabled(), s.check()));
            }
        }
        Map<RuleSet, List<ProxyRules.Rule>> rules = new EnumMap<>(RuleSet.class);
        for (RuleSet set : RuleSet.values()) {
            if (p.rules().hasRules(set)) {
                rules.put(set, List.copyOf(p.rules().rules(set)));
            }
        }
        BackendRef def = p.defaultBackend();
        Set<ProxyCapability> caps = java.util.EnumSet.noneOf(ProxyCapability.class);
        for (ProxyCapability c : ProxyCapability.values()) {
            if (p.has(c)) {
                caps.add(c);
            }
        }
        return new ProxyConfig(p.name(), p.at(), caps, p.mode(), p.disabled(), p.binds(), servers, timeouts, options,
                p.httpConnectionMode(), p.balance().algorithm(), def == null ? null : def.name(),
                p.rules().useBackends(), rules, p.rules().redirects(), p.lines().all(),
                new ProxyLogging(p.logSettings().targets(), p.logSettings().format(), p.logSettings().formatSource(), p.logSettings().formatSd()),
                p.rules().statsAdmin(), p.rules().acls().declarations(), p.rules().stickRules());
    }
}
