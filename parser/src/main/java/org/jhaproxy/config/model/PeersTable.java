package org.jhaproxy.config.model;

import org.jhaproxy.config.source.Line;

/**
 * A stick-table declared in a "peers" section ("table" line, haproxy 2.2+): it is named
 * "{@code <peers section>/<table>}" everywhere (track-sc ... table, show table).
 */
public record PeersTable(String name, Line line) {
}
