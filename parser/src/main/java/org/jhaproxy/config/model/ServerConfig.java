package org.jhaproxy.config.model;

import java.util.Map;
import org.jhaproxy.config.addr.SocketAddress;

/**
 * A "server" line of a backend, frozen: its name, its address as resolved at start-up and its
 * options as written (with the default-server ones it took), by option name.
 */
public record ServerConfig(String name, Position at, int id, SocketAddress address, String addressText,
                           Map<String, String> options, boolean backup, boolean disabled, boolean check) {
    public ServerConfig {
        options = Map.copyOf(options);
    }

    /** The value of an option, or {@code dflt} when the server line does not set it. */
    public String option(String name, String dflt) {
        String v = options.get(name);
        return v == null ? dflt : v;
    }

    /**
     * A numeric option as the server keyword parsers keep it (weight, maxconn, rise, port...):
     * C's atol() stored in an int, so "4294967297" is 1; {@code dflt} when the line does not set it.
     */
    public int number(String name, int dflt) {
        String v = options.get(name);
        return v == null ? dflt : (int) ProxyConfig.atol(v);
    }

    public boolean has(String option) {
        return options.containsKey(option);
    }
}
