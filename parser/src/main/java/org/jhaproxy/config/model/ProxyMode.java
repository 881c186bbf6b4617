package org.jhaproxy.config.model;

/** A proxy's "mode" (PR_MODE_* in HAProxy); {@link #label()} is proxy_mode_str(). */
public enum ProxyMode {
    TCP, HTTP;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
