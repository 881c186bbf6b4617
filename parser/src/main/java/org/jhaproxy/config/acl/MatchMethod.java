package org.jhaproxy.config.acl;

import org.jhaproxy.config.sample.SampleType;

/**
 * How an ACL compares a sample with its patterns ("-m" in configuration.txt section 7.1.3),
 * with the sample type each method expects (pat_match_names / pat_match_types).
 */
public enum MatchMethod {
    FOUND("found", SampleType.SINT), BOOL("bool", SampleType.SINT), INT("int", SampleType.SINT),
    IP("ip", SampleType.ADDR), BIN("bin", SampleType.BIN), LEN("len", SampleType.STR),
    STR("str", SampleType.STR), BEG("beg", SampleType.STR), SUB("sub", SampleType.STR),
    DIR("dir", SampleType.STR), DOM("dom", SampleType.STR), END("end", SampleType.STR),
    REG("reg", SampleType.STR), REGM("regm", SampleType.STR);

    private final String keyword;
    private final SampleType expects;

    MatchMethod(String keyword, SampleType expects) {
        this.keyword = keyword;
        this.expects = expects;
    }

    public String keyword() {
        return keyword;
    }

    public SampleType expects() {
        return expects;
    }

    public static MatchMethod byName(String name) {
        for (MatchMethod m : values()) {
            if (m.keyword.equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** The method implied by a sample's type when neither the keyword nor "-m" names one. */
    public static MatchMethod implicitFor(SampleType t) {
        return switch (t) {
            case BOOL -> BOOL;
            case SINT -> INT;
            case ADDR, IPV4, IPV6 -> IP;
            case STR -> STR;
            default -> null;
        };
    }
}
