package org.jhaproxy.config.sample;

/**
 * The types a sample takes between a fetch and its converters (HAProxy's SMP_T_*), with the
 * table of implicit casts that decides whether a converter "cannot be applied" (sample_casts).
 */
public enum SampleType {
    ANY("any"), BOOL("bool"), SINT("sint"), ADDR("addr"), IPV4("ipv4"), IPV6("ipv6"), STR("str"), BIN("bin"), METH("meth");

    private final String dumpName;

    SampleType(String dumpName) {
        this.dumpName = dumpName;
    }

    /** Rows: from, columns: to, in declaration order; true where sample_casts has a function. */
    private static final String[] CASTS = {
        "111111111", // ANY
        "111000110", // BOOL
        "111111110", // SINT
        "100000000", // ADDR
        "101111110", // IPV4
        "100111110", // IPV6
        "111111111", // STR
        "100000111", // BIN
        "100000111", // METH
    };

    public boolean castsTo(SampleType to) {
        return CASTS[ordinal()].charAt(to.ordinal()) == '1';
    }

    public String dumpName() {
        return dumpName;
    }

    public static SampleType fromDump(String name) {
        for (SampleType t : values()) {
            if (t.dumpName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown sample type " + name);
    }
}
