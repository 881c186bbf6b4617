package org.jhaproxy.config.rules;

import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;

/** How HAProxy names and treats a proxy in rule messages. */
public final class ProxyTypes {
    private ProxyTypes() {
    }

    /** proxy_type_str(): "defaults", "frontend", "backend", or "proxy" for a listen section. */
    public static String typeName(ProxyBuilder px) {
        if (px.isDefaults()) {
            return "defaults";
        }
        boolean fe = px.has(ProxyCapability.FRONTEND);
        boolean be = px.has(ProxyCapability.BACKEND);
        if (fe && !be) {
            return "frontend";
        }
        if (be && !fe) {
            return "backend";
        }
        return "proxy";
    }

    /** A defaults section carries every capability (PR_CAP_DEF | PR_CAP_LISTEN). */
    public static boolean has(ProxyBuilder px, ProxyCapability cap) {
        return px.isDefaults() || px.has(cap);
    }
}
