package org.jhaproxy.runtime.cache;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.LastHttpContent;
import org.jhaproxy.runtime.action.Reply;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * What the cache knows of one HTTP transaction (http_txn's TX_CACHE* flags and cache_hash, the
 * cache filter's context): whether the request and the response may be cached, the primary key
 * "http-request cache-use" computed, the object it found, and the object being stored.
 */
public final class CacheTxn {
    /** TX_CACHEABLE: a safe method, and nothing seen so far forbids storing. */
    boolean cacheable;
    /** TX_CACHE_COOK: may be stored even with a Set-Cookie. */
    boolean cacheCook;
    /** TX_CACHE_IGNORE: the cache is neither used nor filled. */
    boolean ignore;
    /** The primary key (SHA-1 of the URI, with "https://" and the Host for an origin-form one), or null. */
    byte[] hash;
    /**
     * Header blocks a cache-store removed from the response (its Age): HTX keeps them as unused
     * blocks, which every object stored from this response then counts (their info words).
     */
    int removedHeaders;
    /** The answer of the object cache-use found, given when the http-request rules are over. */
    Reply hit;
    /** The objects being stored: one per cache-store rule that accepted the response (a filter each). */
    private final java.util.List<CacheStore> stores = new java.util.ArrayList<>(1);

    private CacheTxn(HttpMethod m) {
        // http_wait_for_request(): the safe methods may be cached
        cacheable = m.equals(HttpMethod.GET) || m.equals(HttpMethod.HEAD) || m.equals(HttpMethod.OPTIONS)
                || m.equals(HttpMethod.TRACE);
        cacheCook = cacheable;
    }

    static CacheTxn of(SampleContext c) {
        CacheTxn t = c.cacheTxn();
        if (t == null) {
            t = new CacheTxn(c.request().method());
            c.cacheTxn(t);
        }
        return t;
    }

    /**
     * The answer from the cache when "http-request cache-use" found the object and no later rule
     * ended the request otherwise: the cache applet becomes the stream's server.
     */
    public static Reply hit(SampleContext c) {
        CacheTxn t = c.cacheTxn();
        return t == null ? null : t.hit;
    }

    void storing(CacheStore s) {
        stores.add(s);
    }

    /** A part of the response goes to the client: the object being stored gets a copy of it. */
    public static void forwarded(SampleContext c, HttpContent part) {
        CacheTxn t = c == null ? null : c.cacheTxn();
        if (t == null || t.stores.isEmpty()) {
            return;
        }
        t.stores.removeIf(s -> !s.append(part));
        if (part instanceof LastHttpContent) {
            t.stores.forEach(CacheStore::complete);
            t.stores.clear();
        }
    }

    /** The stream ended: an object not stored whole is dropped. */
    public static void ended(SampleContext c) {
        CacheTxn t = c == null ? null : c.cacheTxn();
        if (t != null && !t.stores.isEmpty()) {
            t.stores.forEach(CacheStore::abandon);
            t.stores.clear();
        }
    }
}
