package org.jhaproxy.config.model;

import java.util.List;

/** A "bind" line: the address text as written and its options, in order. */
public record Bind(Position at, String address, List<String> options) {
    public Bind {
        options = List.copyOf(options);
    }
}
