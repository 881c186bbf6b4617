package org.jhaproxy.runtime.acl;

/**
 * One entry of a pattern reference (pat_ref_elt): the pattern (a map's key), its sample (a
 * map's value, null for an ACL) and the generation it belongs to. {@code id} is what "show map"
 * prints as the entry's address and what "del map"/"set map" take as "#0x...".
 */
public record PatternElement(long id, String pattern, String sample, int gen) {
    PatternElement withSample(String value) {
        return new PatternElement(id, pattern, value, gen);
    }

    /** The "0x..." form haproxy prints (a pointer there, a unique number here). */
    public String address() {
        return "0x" + Long.toHexString(id);
    }
}
