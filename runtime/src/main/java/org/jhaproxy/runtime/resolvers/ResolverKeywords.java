package org.jhaproxy.runtime.resolvers;

import java.util.Set;

/** What the runtime executes of the "resolvers" sections and of the servers' resolution options. */
public final class ResolverKeywords {
    private ResolverKeywords() {
    }

    public static final Set<String> EXECUTED = Set.of("resolvers resolvers", "resolvers nameserver", "resolvers hold",
            "resolvers resolve_retries", "resolvers timeout resolve", "resolvers timeout retry",
            "resolvers accepted_payload_size", "resolvers parse-resolv-conf",
            // servers named prefix1..N sharing one name's A/AAAA records, or filled by its DNS SRV records
            "proxy server-template");

    /** "init-addr" is applied by the parser (last, libc, none, an IP); the rest here. */
    public static final Set<String> SERVER_OPTIONS = Set.of("resolvers", "resolve-prefer", "init-addr", "resolve-opts",
            "resolve-net");
}
