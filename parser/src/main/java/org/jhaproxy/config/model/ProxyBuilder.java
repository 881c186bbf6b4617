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

    // ---- servers (h3: server/ package) ------------------------------------------------------
    private final java.util.List<org.jhaproxy.config.model.server.ServerBuilder> servers = new java.util.ArrayList<>();
    private org.jhaproxy.config.model.server.ServerBuilder defaultServer;

    /** The "server" and "server-template" lines, in declaration order. */
    public java.util.List<org.jhaproxy.config.model.server.ServerBuilder> servers() {
        return servers;
    }

    /** The "default-server" settings of this section; null until one is set or inherited. */
    public org.jhaproxy.config.model.server.ServerBuilder defaultServer() {
        return defaultServer;
    }

    public void defaultServer(org.jhaproxy.config.model.server.ServerBuilder settings) {
        this.defaultServer = settings;
    }
}
