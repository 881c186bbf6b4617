package org.jhaproxy.config.section;

import org.jhaproxy.config.model.ProxyBuilder;

/** The proxy whose section is being read, shared by the four proxy section kinds. */
public final class ProxyParseState {
    private ProxyBuilder current;

    public ProxyBuilder current() {
        return current;
    }

    public void current(ProxyBuilder px) {
        this.current = px;
    }
}
