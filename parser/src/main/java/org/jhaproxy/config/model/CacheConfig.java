package org.jhaproxy.config.model;

/**
 * A "cache" section, frozen (configuration.txt 6.2.1): its size in 1 kB blocks, the largest
 * object it stores (a 256th of its size when not set), the longest it keeps one (max-age, 60 s
 * by default), and its Vary processing (off by default, 10 secondary entries per key).
 */
public record CacheConfig(String name, Position at, long maxBlocks, long maxObjectSize, int maxAge,
                          boolean processVary, int maxSecondaryEntries) {
    /** The shared memory's block size (CACHE_BLOCKSIZE). */
    public static final int BLOCK_SIZE = 1024;

    static CacheConfig freeze(NamedSection section) {
        long blocks = number(section, "total-max-size", 0) * 1024 * 1024 / BLOCK_SIZE;
        long maxObj = number(section, "max-object-size", 0);
        if (maxObj == 0) {
            maxObj = (blocks * BLOCK_SIZE) >> 8;
        }
        var vary = section.settings().get("process-vary");
        return new CacheConfig(section.name(), section.at(), blocks, maxObj, (int) atoi(value(section, "max-age", "60")),
                vary != null && vary.args().get(0).equals("on"), (int) number(section, "max-secondary-entries", 10));
    }

    private static String value(NamedSection s, String kw, String dflt) {
        var v = s.settings().get(kw);
        return v == null || v.args().isEmpty() ? dflt : v.args().get(0);
    }

    private static long number(NamedSection s, String kw, long dflt) {
        String v = value(s, kw, null);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    /** atoi(): the leading digits, 0 when there are none. */
    private static long atoi(String s) {
        String t = s.strip();
        int i = 0;
        boolean neg = false;
        if (!t.isEmpty() && (t.charAt(0) == '-' || t.charAt(0) == '+')) {
            neg = t.charAt(0) == '-';
            i = 1;
        }
        long v = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && v < Integer.MAX_VALUE) {
            v = v * 10 + (t.charAt(i++) - '0');
        }
        return neg ? -v : v;
    }
}
