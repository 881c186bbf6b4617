package org.jhaproxy.cli;

/** jhaproxy's version, and the HAProxy release whose behaviour it reproduces. */
public final class Version {
    public static final String JHAPROXY = "0.1.0";
    public static final String HAPROXY = "2.6.12";
    public static final String DATE = "2026/11/23";

    /** What the banner NOTICE and -v print after "version". */
    public static final String FULL = JHAPROXY + " (HAProxy " + HAPROXY + " compatible)";

    private Version() {
    }
}
