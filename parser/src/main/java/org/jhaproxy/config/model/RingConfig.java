package org.jhaproxy.config.model;

import java.util.List;

/**
 * A "ring" section, frozen (configuration.txt 3.9 "Rings", sink.c cfg_parse_ring()): an
 * in-memory buffer of {@code size} bytes keeping the newest events, each at most {@code maxLen}
 * bytes with the header of {@code format} ("raw" by default), optionally forwarded over TCP to
 * its servers. The description defaults to the name, as "show events" lists it.
 */
public record RingConfig(String name, Position at, String description, String format, long maxLen, long size,
                         long timeoutConnect, long timeoutServer, List<Server> servers) {
    /** haproxy's BUFSIZE: the size and longest event of a ring without "size"/"maxlen". */
    public static final long DEFAULT_SIZE = 16384;

    /** One "server" line: its name, its address text and the options after it. */
    public record Server(String name, String address, List<String> options, Position at) {
        public Server {
            options = List.copyOf(options);
        }
    }

    public RingConfig {
        servers = List.copyOf(servers);
    }

    public static RingConfig freeze(NamedSection s) {
        List<Server> servers = s.lines().stream().filter(e -> e.kind().equals("server"))
                .map(e -> new Server(e.name(), e.args().size() > 1 ? e.args().get(1) : "",
                        e.args().size() > 2 ? e.args().subList(2, e.args().size()) : List.of(), e.at()))
                .toList();
        long size = number(s, "size", DEFAULT_SIZE);
        return new RingConfig(s.name(), s.at(), text(s, "description", s.name()), text(s, "format", "raw"),
                number(s, "maxlen", DEFAULT_SIZE), size, number(s, "timeout connect", 0), number(s, "timeout server", 0),
                servers);
    }

    private static String text(NamedSection s, String kw, String dflt) {
        GlobalBuilder.Setting v = s.settings().get(kw);
        return v == null || v.args().isEmpty() ? dflt : v.args().get(0);
    }

    private static long number(NamedSection s, String kw, long dflt) {
        String v = text(s, kw, null);
        return v == null ? dflt : Long.parseLong(v);
    }
}
