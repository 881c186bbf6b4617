package org.jhaproxy.config.model;

/**
 * What a frontend captures: the "capture cookie" name and length (HAProxy's capture_name,
 * capture_len) and the number of request and response capture slots ("capture request/response
 * header", "declare capture"), which "capture" actions and fetches refer to by id.
 */
public final class ProxyCaptures {
    private String cookieName;
    private long cookieLen;
    private int requestCaptures;
    private int responseCaptures;

    /** Only a frontend inherits its captures from defaults (proxy_defproxy_cpy()). */
    void inheritFrom(ProxyCaptures def) {
        cookieName = def.cookieName;
        cookieLen = def.cookieLen;
        requestCaptures = def.requestCaptures;
        responseCaptures = def.responseCaptures;
    }

    /** The "capture cookie" name, or null. */
    public String cookieName() {
        return cookieName;
    }

    /** The "capture cookie ... len" value (HAProxy's capture_len). */
    public long cookieLen() {
        return cookieLen;
    }

    public void cookie(String name, long len) {
        this.cookieName = name;
        this.cookieLen = len;
    }

    public int requestCaptures() {
        return requestCaptures;
    }

    public int responseCaptures() {
        return responseCaptures;
    }

    /** One more capture slot in the request or the response. */
    public void add(boolean request) {
        if (request) {
            requestCaptures++;
        } else {
            responseCaptures++;
        }
    }
}
