package org.jhaproxy.runtime.lb;

import org.jhaproxy.runtime.server.Server;

/**
 * The hashing algorithms (source, uri, url_param, hdr): a key taken from the request is hashed
 * with the "hash-type" function, optionally avalanched, and looked up in the server map
 * ("map-based", the default) or the consistent-hash ring ("consistent"). A request without the
 * key falls back to round robin over the same table. With a single usable server nothing is
 * hashed (haproxy uses hash 0).
 */
public abstract class HashAlgorithm implements LbAlgorithm {
    private final HashType type;
    private final ServerGroups groups;

    HashAlgorithm(HashType type, ServerGroups groups) {
        this.type = type;
        this.groups = groups;
    }

    /** The request's hash, or -1 when it has no key (fall back to round robin). */
    abstract long hash(LbRequest request, HashType type);

    @Override
    public final Server choose(LbRequest request, Server avoid) {
        if (groups.used().isEmpty()) {
            return null;
        }
        long h = hash(request, type);
        if (h >= 0) {
            return type.lookup(h, avoid);
        }
        return type.next(avoid);
    }

    @Override
    public final boolean hashBased() {
        return true;
    }

    /** Whether only one server can be chosen, in which case haproxy does not hash. */
    final boolean single() {
        return groups.single();
    }
}
