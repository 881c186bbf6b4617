package org.jhaproxy.config.model;

/**
 * The "balance" setting of a backend: its load-balancing algorithm, whether that algorithm
 * needs HTTP (a layer 7 hash falls back to round robin in TCP mode) and the sample expression
 * of "balance hash", compiled by check_config_validity().
 */
public final class ProxyBalance {
    private String algorithm;
    private boolean needsHttp;
    private String hashExpr;

    /** Only a backend inherits "balance" from defaults (proxy_defproxy_cpy()). */
    void inheritFrom(ProxyBalance def) {
        algorithm = def.algorithm;
        needsHttp = def.needsHttp;
        hashExpr = def.hashExpr;
    }

    /** "roundrobin", "leastconn", "hash", "uri"..., null when unset. */
    public String algorithm() {
        return algorithm;
    }

    public boolean needsHttp() {
        return needsHttp;
    }

    /** A new algorithm; it forgets the expression of an earlier "balance hash". */
    public void algorithm(String name, boolean http) {
        this.algorithm = name;
        this.hashExpr = null;
        this.needsHttp = http;
    }

    /** The sample expression of "balance hash", as written; null for other algorithms. */
    public String hashExpr() {
        return hashExpr;
    }

    public void hashExpr(String expr) {
        this.hashExpr = expr;
    }
}
