package org.jhaproxy.config.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * A frontend, backend, listen or defaults section while it is being parsed (HAProxy's struct
 * proxy during cfg_parse_listen()). A proxy starts as a copy of its defaults section.
 */
public final class ProxyBuilder {
    private final String name;
    private final Set<ProxyCapability> caps;
    private final Position at;
    private final String sectionKeyword;

    private final java.util.List<Bind> binds = new java.util.ArrayList<>();
    private boolean disabled;

    public ProxyBuilder(String sectionKeyword, String name, Set<ProxyCapability> caps, Position at) {
        this.sectionKeyword = sectionKeyword;
        this.name = name;
        this.caps = EnumSet.copyOf(caps);
        this.at = at;
    }

    public String name() {
        return name;
    }

    public String sectionKeyword() {
        return sectionKeyword;
    }

    public Position at() {
        return at;
    }

    public boolean has(ProxyCapability cap) {
        return caps.contains(cap);
    }

    public boolean isDefaults() {
        return caps.contains(ProxyCapability.DEFAULTS);
    }

    /** "frontend", "backend", "listen" or "defaults", as HAProxy's proxy_type_str(). */
    public String typeName() {
        if (isDefaults()) {
            return "defaults";
        }
        if (has(ProxyCapability.FRONTEND) && has(ProxyCapability.BACKEND)) {
            return "listen";
        }
        return has(ProxyCapability.FRONTEND) ? "frontend" : "backend";
    }

    public java.util.List<Bind> binds() {
        return binds;
    }

    /** "disabled" in the section: the proxy is parsed and checked but never started. */
    public boolean disabled() {
        return disabled;
    }

    public void disabled(boolean disabled) {
        this.disabled = disabled;
    }

    // ---- h4: ACLs and rules (acl, http-request, tcp-request, use_backend, redirect, stick...) ----
    private final ProxyRules rules = new ProxyRules();

    /** The ACLs and rules of this section, including the use_backend targets to check later. */
    public ProxyRules rules() {
        return rules;
    }
}
