package org.jhaproxy.runtime.comp;

/**
 * The algorithms of "compression algo" (configuration.txt 4.2 "compression"): the name a
 * configuration gives, the content-coding a client asks for and gets in Content-Encoding, and
 * the container around the deflate stream.
 */
public enum CompAlgo {
    IDENTITY("identity", "identity"),
    DEFLATE("deflate", "deflate"),
    RAW_DEFLATE("raw-deflate", "deflate"),
    GZIP("gzip", "gzip");

    private final String configName;
    private final String coding;

    CompAlgo(String configName, String coding) {
        this.configName = configName;
        this.coding = coding;
    }

    /** The name "compression algo" takes and res.comp_algo returns. */
    public String configName() {
        return configName;
    }

    /** The content-coding matched against Accept-Encoding and written in Content-Encoding. */
    public String coding() {
        return coding;
    }

    static CompAlgo named(String configName) {
        for (CompAlgo a : values()) {
            if (a.configName.equals(configName)) {
                return a;
            }
        }
        return null;
    }
}
