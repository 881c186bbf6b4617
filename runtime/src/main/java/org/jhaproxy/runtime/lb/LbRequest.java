package org.jhaproxy.runtime.lb;

import java.net.InetSocketAddress;

/**
 * What a hashing algorithm may look at: the client's address and, in HTTP, the request's
 * URI and headers (null in TCP mode).
 */
public interface LbRequest {
    InetSocketAddress source();

    /** The request URI as received, or null outside HTTP. */
    default String uri() {
        return null;
    }

    /** An HTTP POST request (url_param then looks in its body). */
    default boolean post() {
        return false;
    }

    /** The start of the request body received before the server is chosen, or null. */
    default byte[] bodyStart() {
        return null;
    }

    /** A TCP stream's request buffer (balance rdp-cookie reads it), or null. */
    default org.jhaproxy.runtime.payload.RequestBuffer requestBuffer() {
        return null;
    }

    /** The first value of a request header, or null. */
    default String header(String name) {
        return null;
    }
}
