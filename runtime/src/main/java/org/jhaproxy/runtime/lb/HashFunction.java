package org.jhaproxy.runtime.lb;

/**
 * The hash functions of "hash-type" (haproxy's hash.c), over bytes, as unsigned 32-bit values
 * held in a long. {@link #avalanche(long)} is the "avalanche" modifier (full_hash()).
 */
public enum HashFunction {
    SDBM {
        @Override
        long hash(byte[] b, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = (b[i] & 0xff) + (h << 6) + (h << 16) - h;
            }
            return h & 0xffffffffL;
        }
    },
    DJB2 {
        @Override
        long hash(byte[] b, int from, int to) {
            int h = 5381;
            for (int i = from; i < to; i++) {
                h = (h << 5) + h + (b[i] & 0xff);
            }
            return h & 0xffffffffL;
        }
    },
    WT6 {
        @Override
        long hash(byte[] b, int from, int to) {
            int h0 = 0xa53c965a;
            int h1 = 0x5ca6953a;
            int step0 = 6;
            int step1 = 18;
            for (int i = from; i < to; i++) {
                int t = b[i] & 0xff;
                h0 = ~(h0 ^ t);
                h1 = ~(h1 + t);
                t = Integer.rotateLeft(h1, step0);
                h1 = Integer.rotateLeft(h0, step1);
                h0 = t;
                t = ((h0 >>> 16) ^ h1) & 0xffff;
                step0 = t & 0x1f;
                step1 = t >>> 11;
            }
            return (h0 ^ h1) & 0xffffffffL;
        }
    },
    CRC32 {
        @Override
        long hash(byte[] b, int from, int to) {
            java.util.zip.CRC32 c = new java.util.zip.CRC32();
            c.update(b, from, to - from);
            return c.getValue();
        }
    };

    abstract long hash(byte[] b, int from, int to);

    /** The hash of all the bytes (the converters of the same names, configuration.txt 7.3.1). */
    public long hash(byte[] b) {
        return hash(b, 0, b.length);
    }

    /** Bob Jenkins' integer avalanche then a multiplication spreading values around the ring. */
    public static long avalanche(long value) {
        int a = (int) value;
        a = (a + 0x7ed55d16) + (a << 12);
        a = (a ^ 0xc761c23c) ^ (a >>> 19);
        a = (a + 0x165667b1) + (a << 5);
        a = (a + 0xd3a2646c) ^ (a << 9);
        a = (a + 0xfd7046c5) + (a << 3);
        a = (a ^ 0xb55a4f09) ^ (a >>> 16);
        return (a * (int) 3221225473L) & 0xffffffffL;
    }

    public static HashFunction named(String name) {
        return switch (name) {
            case "djb2" -> DJB2;
            case "wt6" -> WT6;
            case "crc32" -> CRC32;
            default -> SDBM;
        };
    }
}
