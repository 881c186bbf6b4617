package org.jhaproxy.runtime.lb;

import java.util.List;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.server.Server;

/**
 * "hash-type &lt;method&gt; [&lt;function&gt; [&lt;modifier&gt;]]": how a hash finds its server.
 * map-based (default): the server map, slot hash % total weight; consistent: the hash ring.
 */
final class HashType {
    private final HashFunction function;
    private final boolean avalanche;
    private final ServerMap map;
    private final ConsistentHashTree ring;

    private HashType(HashFunction function, boolean avalanche, ServerMap map, ConsistentHashTree ring) {
        this.function = function;
        this.avalanche = avalanche;
        this.map = map;
        this.ring = ring;
    }

    static HashType of(Line hashType, List<Server> all, ServerGroups groups) {
        boolean consistent = hashType != null && hashType.arg(1).equals("consistent");
        HashFunction f = hashType == null ? HashFunction.SDBM : HashFunction.named(hashType.arg(2));
        // "consistent hash uses sdbm and avalanche if no hash function is specified"
        boolean aval = hashType != null && (hashType.arg(3).equals("avalanche") || consistent && hashType.arg(2).isEmpty());
        return consistent
                ? new HashType(f, aval, null, new ConsistentHashTree(groups))
                : new HashType(f, aval, new ServerMap(all, groups), null);
    }

    /** The configured function over these bytes, avalanched if asked. */
    long hash(byte[] b, int from, int to) {
        return finish(function.hash(b, from, to));
    }

    /** Applies the "avalanche" modifier to an already computed hash (source hashing). */
    long finish(long h) {
        return avalanche ? HashFunction.avalanche(h) : h;
    }

    Server lookup(long hash, Server avoid) {
        return ring != null ? ring.byHash(hash, avoid) : map.byHash(hash);
    }

    Server next(Server avoid) {
        return ring != null ? ring.next(avoid) : map.next(avoid);
    }

    /** "balance random" draws on the ring whatever hash-type says. */
    static ConsistentHashTree ring(ServerGroups groups) {
        return new ConsistentHashTree(groups);
    }
}
