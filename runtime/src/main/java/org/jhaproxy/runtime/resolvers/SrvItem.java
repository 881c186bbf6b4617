package org.jhaproxy.runtime.resolvers;

import java.net.InetAddress;
import java.util.Arrays;
import org.jhaproxy.runtime.server.Server;

/**
 * One SRV record of a name as haproxy keeps it across answers (a resolv_answer_item): its
 * target (the name in DNS label form, as the answer spelled it) and port identify it, its
 * weight follows the last answer, and it is obsolete once no answer repeated it for "hold
 * obsolete". The additional A/AAAA record giving its target's IP is kept beside it, as is
 * the server it fills.
 */
final class SrvItem {
    /** An additional record's address for the target, and when an answer last had it. */
    static final class Additional {
        final InetAddress ip;
        long lastSeen;
        /** The answer that last had it: one record per answer refreshes it. */
        long seenIn;

        Additional(InetAddress ip, long now, long answer) {
            this.ip = ip;
            this.lastSeen = now;
            this.seenIn = answer;
        }
    }

    final byte[] target;
    final String host;
    final int port;
    /** The tree key haproxy orders its records by: XXH32 of the target's labels, seeded with 33. */
    final int key;
    int weight;
    long lastSeen;
    Additional additional;
    /** The server this record fills, null while none. */
    Server server;

    SrvItem(byte[] target, int port, int weight, long now) {
        this.target = target;
        this.host = DnsNames.text(target);
        this.port = port;
        this.weight = weight;
        this.key = AnswerOrder.xxh32(target, 33);
        this.lastSeen = now;
    }

    boolean same(byte[] otherTarget, int otherPort) {
        return port == otherPort && Arrays.equals(target, otherTarget);
    }

    boolean targets(byte[] name) {
        return Arrays.equals(target, name);
    }
}
