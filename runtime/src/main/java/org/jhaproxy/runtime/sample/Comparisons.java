package org.jhaproxy.runtime.sample;

import java.security.MessageDigest;

/**
 * strcmp(var) and secure_memcmp(var) (configuration.txt 7.3.1): the input compared with a
 * variable; no value when the variable is not set.
 */
final class Comparisons {
    private Comparisons() {
    }

    /**
     * strcmp: glibc's strncmp over the common length (it stops at a NUL, and returns the
     * difference of the first differing bytes), then the shorter string is the smaller (-1/1).
     */
    static SampleConverter strcmp(VarRef var) {
        return (in, c) -> {
            Sample v = var.get(c);
            String other = v == null ? null : v.asString();
            if (other == null) {
                return null;
            }
            return Sample.sint(strcmp((String) in.value(), other));
        };
    }

    static int strcmp(String a, String b) {
        int max = Math.min(a.length(), b.length());
        for (int i = 0; i < max; i++) {
            int x = a.charAt(i) & 0xff;
            int y = b.charAt(i) & 0xff;
            if (x != y) {
                return x - y;
            }
            if (x == 0) {
                break;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** secure_memcmp: true when the bytes are the same, compared in constant time. */
    static SampleConverter secureMemcmp(VarRef var) {
        return (in, c) -> {
            Sample v = var.get(c);
            byte[] other = v == null ? null : v.asBytes();
            if (other == null) {
                return null;
            }
            return Sample.bool(MessageDigest.isEqual((byte[]) in.value(), other));
        };
    }
}
