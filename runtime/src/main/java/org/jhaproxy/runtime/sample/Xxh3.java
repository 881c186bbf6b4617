package org.jhaproxy.runtime.sample;

/**
 * XXH3 64 bits with a seed (the xxHash 0.8 specification haproxy 2.6 ships), for the xxh3
 * converter of configuration.txt 7.3.1: short inputs (0-16, 17-128, 129-240 bytes) are mixed
 * with the default secret directly, longer ones go through the striped accumulator, with a
 * secret derived from the seed when the seed is not 0.
 */
final class Xxh3 {
    /** The specification's default secret (XXH3_kSecret). */
    private static final byte[] SECRET = {
        (byte) 0xb8, (byte) 0xfe, 0x6c, 0x39, 0x23, (byte) 0xa4, 0x4b, (byte) 0xbe, 0x7c, 0x01, (byte) 0x81, 0x2c, (byte) 0xf7, 0x21, (byte) 0xad, 0x1c,
        (byte) 0xde, (byte) 0xd4, 0x6d, (byte) 0xe9, (byte) 0x83, (byte) 0x90, (byte) 0x97, (byte) 0xdb, 0x72, 0x40, (byte) 0xa4, (byte) 0xa4, (byte) 0xb7, (byte) 0xb3, 0x67, 0x1f,
        (byte) 0xcb, 0x79, (byte) 0xe6, 0x4e, (byte) 0xcc, (byte) 0xc0, (byte) 0xe5, 0x78, (byte) 0x82, 0x5a, (byte) 0xd0, 0x7d, (byte) 0xcc, (byte) 0xff, 0x72, 0x21,
        (byte) 0xb8, 0x08, 0x46, 0x74, (byte) 0xf7, 0x43, 0x24, (byte) 0x8e, (byte) 0xe0, 0x35, (byte) 0x90, (byte) 0xe6, (byte) 0x81, 0x3a, 0x26, 0x4c,
        0x3c, 0x28, 0x52, (byte) 0xbb, (byte) 0x91, (byte) 0xc3, 0x00, (byte) 0xcb, (byte) 0x88, (byte) 0xd0, 0x65, (byte) 0x8b, 0x1b, 0x53, 0x2e, (byte) 0xa3,
        0x71, 0x64, 0x48, (byte) 0x97, (byte) 0xa2, 0x0d, (byte) 0xf9, 0x4e, 0x38, 0x19, (byte) 0xef, 0x46, (byte) 0xa9, (byte) 0xde, (byte) 0xac, (byte) 0xd8,
        (byte) 0xa8, (byte) 0xfa, 0x76, 0x3f, (byte) 0xe3, (byte) 0x9c, 0x34, 0x3f, (byte) 0xf9, (byte) 0xdc, (byte) 0xbb, (byte) 0xc7, (byte) 0xc7, 0x0b, 0x4f, 0x1d,
        (byte) 0x8a, 0x51, (byte) 0xe0, 0x4b, (byte) 0xcd, (byte) 0xb4, 0x59, 0x31, (byte) 0xc8, (byte) 0x9f, 0x7e, (byte) 0xc9, (byte) 0xd9, 0x78, 0x73, 0x64,
        (byte) 0xea, (byte) 0xc5, (byte) 0xac, (byte) 0x83, 0x34, (byte) 0xd3, (byte) 0xeb, (byte) 0xc3, (byte) 0xc5, (byte) 0x81, (byte) 0xa0, (byte) 0xff, (byte) 0xfa, 0x13, 0x63, (byte) 0xeb,
        0x17, 0x0d, (byte) 0xdd, 0x51, (byte) 0xb7, (byte) 0xf0, (byte) 0xda, 0x49, (byte) 0xd3, 0x16, 0x55, 0x26, 0x29, (byte) 0xd4, 0x68, (byte) 0x9e,
        0x2b, 0x16, (byte) 0xbe, 0x58, 0x7d, 0x47, (byte) 0xa1, (byte) 0xfc, (byte) 0x8f, (byte) 0xf8, (byte) 0xb8, (byte) 0xd1, 0x7a, (byte) 0xd0, 0x31, (byte) 0xce,
        0x45, (byte) 0xcb, 0x3a, (byte) 0x8f, (byte) 0x95, 0x16, 0x04, 0x28, (byte) 0xaf, (byte) 0xd7, (byte) 0xfb, (byte) 0xca, (byte) 0xbb, 0x4b, 0x40, 0x7e,
    };
    private static final long P32_1 = 0x9E3779B1L;
    private static final long P32_2 = 0x85EBCA77L;
    private static final long P32_3 = 0xC2B2AE3DL;
    private static final long P64_1 = 0x9E3779B185EBCA87L;
    private static final long P64_2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P64_3 = 0x165667B19E3779F9L;
    private static final long P64_4 = 0x85EBCA77C2B2AE63L;
    private static final long P64_5 = 0x27D4EB2F165667C5L;

    private Xxh3() {
    }

    private static long le64(byte[] b, int i) {
        return XxHash.le64(b, i);
    }

    private static long le32(byte[] b, int i) {
        return XxHash.le32(b, i) & 0xffffffffL;
    }

    /** The 128-bit product of a and b, its halves xor-ed. */
    private static long fold(long a, long b) {
        long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        return hi ^ (a * b);
    }

    private static long avalanche(long h) {
        h ^= h >>> 37;
        h *= 0x165667919E3779F9L;
        return h ^ (h >>> 32);
    }

    private static long xxh64Avalanche(long h) {
        h ^= h >>> 33;
        h *= P64_2;
        h ^= h >>> 29;
        h *= P64_3;
        return h ^ (h >>> 32);
    }

    private static long mix16(byte[] in, int i, byte[] sec, int s, long seed) {
        return fold(le64(in, i) ^ (le64(sec, s) + seed), le64(in, i + 8) ^ (le64(sec, s + 8) - seed));
    }

    static long hash(byte[] in, long seed) {
        int len = in.length;
        if (len <= 16) {
            return upTo16(in, seed);
        }
        if (len <= 128) {
            long acc = len * P64_1;
            if (len > 32) {
                if (len > 64) {
                    if (len > 96) {
                        acc += mix16(in, 48, SECRET, 96, seed);
                        acc += mix16(in, len - 64, SECRET, 112, seed);
                    }
                    acc += mix16(in, 32, SECRET, 64, seed);
                    acc += mix16(in, len - 48, SECRET, 80, seed);
                }
                acc += mix16(in, 16, SECRET, 32, seed);
                acc += mix16(in, len - 32, SECRET, 48, seed);
            }
            acc += mix16(in, 0, SECRET, 0, seed);
            acc += mix16(in, len - 16, SECRET, 16, seed);
            return avalanche(acc);
        }
        if (len <= 240) {
            long acc = len * P64_1;
            int rounds = len / 16;
            for (int i = 0; i < 8; i++) {
                acc += mix16(in, 16 * i, SECRET, 16 * i, seed);
            }
            acc = avalanche(acc);
            for (int i = 8; i < rounds; i++) {
                acc += mix16(in, 16 * i, SECRET, 16 * (i - 8) + 3, seed);
            }
            acc += mix16(in, len - 16, SECRET, 136 - 17, seed);
            return avalanche(acc);
        }
        return hashLong(in, seed == 0 ? SECRET : customSecret(seed));
    }

    private static long upTo16(byte[] in, long seed) {
        int len = in.length;
        if (len > 8) {
            long lo = le64(in, 0) ^ ((le64(SECRET, 24) ^ le64(SECRET, 32)) + seed);
            long hi = le64(in, len - 8) ^ ((le64(SECRET, 40) ^ le64(SECRET, 48)) - seed);
            return avalanche(len + Long.reverseBytes(lo) + hi + fold(lo, hi));
        }
        if (len >= 4) {
            seed ^= (Integer.reverseBytes((int) seed) & 0xffffffffL) << 32;
            long input = le32(in, len - 4) + (le32(in, 0) << 32);
            long h = input ^ ((le64(SECRET, 8) ^ le64(SECRET, 16)) - seed);
            h ^= Long.rotateLeft(h, 49) ^ Long.rotateLeft(h, 24);
            h *= 0x9FB21C651E98DF25L;
            h ^= (h >>> 35) + len;
            h *= 0x9FB21C651E98DF25L;
            return h ^ (h >>> 28);
        }
        if (len > 0) {
            long combined = ((in[0] & 0xffL) << 16) | ((in[len >> 1] & 0xffL) << 24) | (in[len - 1] & 0xffL) | ((long) len << 8);
            return xxh64Avalanche(combined ^ ((le32(SECRET, 0) ^ le32(SECRET, 4)) + seed));
        }
        return xxh64Avalanche(seed ^ (le64(SECRET, 56) ^ le64(SECRET, 64)));
    }

    private static byte[] customSecret(long seed) {
        byte[] s = new byte[SECRET.length];
        for (int i = 0; i < SECRET.length; i += 16) {
            putLe64(s, i, le64(SECRET, i) + seed);
            putLe64(s, i + 8, le64(SECRET, i + 8) - seed);
        }
        return s;
    }

    private static void putLe64(byte[] b, int i, long v) {
        for (int k = 0; k < 8; k++) {
            b[i + k] = (byte) (v >>> (8 * k));
        }
    }

    private static long hashLong(byte[] in, byte[] sec) {
        int len = in.length;
        long[] acc = {P32_3, P64_1, P64_2, P64_3, P64_4, P32_2, P64_5, P32_1};
        int stripesPerBlock = (sec.length - 64) / 8;
        int blockLen = 64 * stripesPerBlock;
        int blocks = (len - 1) / blockLen;
        for (int n = 0; n < blocks; n++) {
            accumulate(acc, in, n * blockLen, sec, stripesPerBlock);
            scramble(acc, sec, sec.length - 64);
        }
        int stripes = ((len - 1) - blockLen * blocks) / 64;
        accumulate(acc, in, blocks * blockLen, sec, stripes);
        stripe(acc, in, len - 64, sec, sec.length - 64 - 7);
        long result = len * P64_1;
        for (int i = 0; i < 4; i++) {
            result += fold(acc[2 * i] ^ le64(sec, 11 + 16 * i), acc[2 * i + 1] ^ le64(sec, 11 + 16 * i + 8));
        }
        return avalanche(result);
    }

    private static void accumulate(long[] acc, byte[] in, int from, byte[] sec, int stripes) {
        for (int n = 0; n < stripes; n++) {
            stripe(acc, in, from + 64 * n, sec, 8 * n);
        }
    }

    private static void stripe(long[] acc, byte[] in, int i, byte[] sec, int s) {
        for (int k = 0; k < 8; k++) {
            long data = le64(in, i + 8 * k);
            long key = data ^ le64(sec, s + 8 * k);
            acc[k ^ 1] += data;
            acc[k] += (key & 0xffffffffL) * (key >>> 32);
        }
    }

    private static void scramble(long[] acc, byte[] sec, int s) {
        for (int k = 0; k < 8; k++) {
            long a = acc[k];
            a ^= a >>> 47;
            a ^= le64(sec, s + 8 * k);
            acc[k] = a * P32_1;
        }
    }
}
