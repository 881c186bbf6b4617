package org.jhaproxy.config.sample;

/** The type of one argument of a fetch or converter (HAProxy's ARGT_*), named as arg_type_names. */
public enum ArgType {
    SINT("integer"), STR("string"), IPV4("IPv4 address"), MSK4("IPv4 mask"), IPV6("IPv6 address"),
    MSK6("IPv6 mask"), TIME("delay"), SIZE("size"), FE("frontend"), BE("backend"), TAB("table"),
    SRV("server"), USR("user list"), MAP("map"), REG("regex"), VAR("variable"),
    PBUF_FNUM("Protocol buffers field number");

    private final String displayName;

    ArgType(String displayName) {
        this.displayName = displayName;
    }

    /** As HAProxy names it in "expected type '%s'" messages. */
    public String displayName() {
        return displayName;
    }

    /** Types kept as text while parsing and resolved once every section is known. */
    public boolean resolvedLater() {
        return this == FE || this == BE || this == TAB || this == SRV || this == USR || this == REG;
    }

    public static ArgType fromDisplayName(String name) {
        for (ArgType t : values()) {
            if (t.displayName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown argument type " + name);
    }
}
