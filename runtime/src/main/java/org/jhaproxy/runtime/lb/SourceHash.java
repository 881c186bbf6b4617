package org.jhaproxy.runtime.lb;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * "balance source" (get_server_sh()): the client address's 32-bit words XORed together (one for
 * IPv4, four for IPv6), no hash function applied, then "avalanche" if asked.
 */
public final class SourceHash extends HashAlgorithm {
    SourceHash(HashType type, ServerGroups groups) {
        super(type, groups);
    }

    @Override
    long hash(LbRequest request, HashType type) {
        if (single()) {
            return 0;
        }
        InetSocketAddress src = request.source();
        if (src == null || src.getAddress() == null) {
            return -1;
        }
        InetAddress a = src.getAddress();
        byte[] b = a.getAddress();
        long h = 0;
        for (int i = 0; i + 4 <= b.length; i += 4) {
            h ^= ((b[i] & 0xffL) << 24) | ((b[i + 1] & 0xffL) << 16) | ((b[i + 2] & 0xffL) << 8) | (b[i + 3] & 0xffL);
        }
        return type.finish(h);
    }
}
