package org.jhaproxy.runtime.resolvers;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order haproxy keeps the address records of an answer in, which decides which server of a
 * template gets which address: a tree keyed by the 32-bit xxHash (XXH32) of the record's data
 * seeded with its type (1 for A, 28 for AAAA), smallest unsigned key first. XXH32 is written
 * here from its published specification.
 */
final class AnswerOrder {
    private static final int P1 = 0x9E3779B1;
    private static final int P2 = 0x85EBCA77;
    private static final int P3 = 0xC2B2AE3D;
    private static final int P4 = 0x27D4EB2F;
    private static final int P5 = 0x165667B1;

    private AnswerOrder() {
    }

    static List<InetAddress> sorted(List<InetAddress> ips) {
        List<InetAddress> out = new ArrayList<>(ips);
        out.sort(Comparator.comparing(AnswerOrder::key, Integer::compareUnsigned));
        return out;
    }

    private static int key(InetAddress ip) {
        byte[] b = ip.getAddress();
        return xxh32(b, b.length == 4 ? 1 : 28);
    }

    static int xxh32(byte[] in, int seed) {
        int i = 0;
        int h;
        if (in.length >= 16) {
            int v1 = seed + P1 + P2;
            int v2 = seed + P2;
            int v3 = seed;
            int v4 = seed - P1;
            for (; i + 16 <= in.length; i += 16) {
                v1 = round(v1, word(in, i));
                v2 = round(v2, word(in, i + 4));
                v3 = round(v3, word(in, i + 8));
                v4 = round(v4, word(in, i + 12));
            }
            h = Integer.rotateLeft(v1, 1) + Integer.rotateLeft(v2, 7) + Integer.rotateLeft(v3, 12) + Integer.rotateLeft(v4, 18);
        } else {
            h = seed + P5;
        }
        h += in.length;
        for (; i + 4 <= in.length; i += 4) {
            h = Integer.rotateLeft(h + word(in, i) * P3, 17) * P4;
        }
        for (; i < in.length; i++) {
            h = Integer.rotateLeft(h + (in[i] & 0xff) * P5, 11) * P1;
        }
        h ^= h >>> 15;
        h *= P2;
        h ^= h >>> 13;
        h *= P3;
        h ^= h >>> 16;
        return h;
    }

    private static int round(int acc, int lane) {
        return Integer.rotateLeft(acc + lane * P2, 13) * P1;
    }

    /** A little-endian 32-bit word. */
    private static int word(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
    }
}
