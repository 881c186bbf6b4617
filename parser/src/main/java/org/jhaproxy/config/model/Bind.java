package org.jhaproxy.config.model;

import java.util.List;
import org.jhaproxy.config.addr.SocketAddress;

/**
 * A "bind" line: the address text as written, its options in order, and the addresses it
 * listens on (one per comma-separated element; a port range stays one address).
 */
public record Bind(Position at, String address, List<String> options, List<SocketAddress> listeners) {
    public Bind {
        options = List.copyOf(options);
        listeners = List.copyOf(listeners);
    }

    public Bind(Position at, String address, List<String> options) {
        this(at, address, options, List.of());
    }

    /** "ssl" among the options: the listener speaks TLS. */
    public boolean ssl() {
        return options.contains("ssl");
    }
}
