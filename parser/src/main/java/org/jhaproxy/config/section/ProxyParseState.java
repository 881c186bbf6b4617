package org.jhaproxy.config.section;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jhaproxy.config.model.ProxyBuilder;

/**
 * What cfg_parse_listen() keeps between lines: the proxy being parsed (null after a rejected
 * section header, so that its lines are refused), the last defaults section, and how each
 * defaults section was referenced (explicitly with "from", or implicitly).
 */
public final class ProxyParseState {
    private ProxyBuilder current;
    private ProxyBuilder lastDefaults;
    private final List<ProxyBuilder> defaultsSections = new ArrayList<>();
    private final Set<ProxyBuilder> explicitRefs = new HashSet<>();
    private final Set<ProxyBuilder> implicitRefs = new HashSet<>();

    private final java.util.Map<ProxyBuilder, Set<org.jhaproxy.config.model.ProxyCapability>> rulesUsers = new java.util.HashMap<>();

    /** The kind of proxy (frontend or backend) already using a defaults section that holds rules. */
    public Set<org.jhaproxy.config.model.ProxyCapability> rulesUsers(ProxyBuilder def) {
        return rulesUsers.get(def);
    }

    public void rulesUsers(ProxyBuilder def, Set<org.jhaproxy.config.model.ProxyCapability> caps) {
        rulesUsers.put(def, caps);
    }

    public ProxyBuilder current() {
        return current;
    }

    public void current(ProxyBuilder px) {
        this.current = px;
    }

    public ProxyBuilder lastDefaults() {
        return lastDefaults;
    }

    public void lastDefaults(ProxyBuilder d) {
        this.lastDefaults = d;
    }

    /** Every defaults section, named or not, in declaration order (names may repeat). */
    public List<ProxyBuilder> defaultsSections() {
        return defaultsSections;
    }

    public Set<ProxyBuilder> explicitRefs() {
        return explicitRefs;
    }

    public Set<ProxyBuilder> implicitRefs() {
        return implicitRefs;
    }
}
