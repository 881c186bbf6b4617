package org.jhaproxy.runtime.cache;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jhaproxy.runtime.action.HttpAction;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * "http-request cache-use NAME" and "http-response cache-store NAME" (manual 6.2.2,
 * http_action_req_cache_use() and http_action_store_cache() in cache.c). Both go on with the
 * next rule: a hit is answered by the cache applet once the http-request rules are over.
 */
public final class CacheRules {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private CacheRules() {
    }

    private static Cache cache(List<String> w, CompileScope scope) throws NotSupported {
        String name = w.size() > 1 ? w.get(1) : "";
        Cache c = scope.proxies().caches().get(name);
        if (c == null) {
            throw new NotSupported("unable to find the cache '" + name + "'.");
        }
        return c;
    }

    /** http-request cache-use: computes the key, counts the lookup, and takes the object if it is there. */
    public static HttpAction use(List<String> w, CompileScope scope) throws NotSupported {
        Cache cache = cache(w, scope);
        Proxy owner = scope.proxy();
        return (c, msg) -> {
            HttpRequest req = (HttpRequest) msg;
            CacheTxn t = CacheTxn.of(c);
            if (!ver11(req.protocolVersion()) || !(req.method().equals(HttpMethod.GET) || req.method().equals(HttpMethod.HEAD))) {
                t.ignore = true;
            }
            Cacheability.request(t, req.headers());
            // the key is computed for every method: a successful unsafe one invalidates the object
            byte[] hash = key(req);
            if (hash == null) {
                return null;
            }
            t.hash = hash;
            if (t.ignore) {
                return null;
            }
            boolean asFrontend = owner == c.frontend();
            (asFrontend ? owner.frontendCounters().cacheLookups : owner.backendCounters().cacheLookups).increment();
            CacheEntry e = cache.lookup(hash);
            if (e != null) {
                t.hit = org.jhaproxy.runtime.action.Reply.service(new CacheHit(e));
                (asFrontend ? owner.frontendCounters().cacheHits : owner.backendCounters().cacheHits).increment();
            }
            return null;
        };
    }

    /** http-response cache-store: decides whether the response is stored and, if so, starts storing it. */
    public static HttpAction store(List<String> w, CompileScope scope) throws NotSupported {
        Cache cache = cache(w, scope);
        return (c, msg) -> {
            store(cache, c, (HttpResponse) msg);
            return null;
        };
    }

    private static void store(Cache cache, SampleContext c, HttpResponse res) {
        HttpRequest req = c.request();
        if (req == null || !ver11(req.protocolVersion())) {
            return;
        }
        CacheTxn t = CacheTxn.of(c);
        if (t.hit != null) {
            // the response comes from the cache applet itself: nothing to store or invalidate
            return;
        }
        int status = res.status().code();
        if (!req.method().equals(HttpMethod.GET)) {
            // RFC 7234 4.4: a successful unsafe request invalidates the stored object
            if (status >= 200 && status < 400 && !SAFE.contains(req.method()) && t.hash != null) {
                cache.invalidate(t.hash);
            }
            return;
        }
        if (t.hash == null || status != 200) {
            return;
        }
        HttpHeaders h = res.headers();
        long length = HttpUtil.getContentLength(res, -1L);
        long maxObj = cache.config().maxObjectSize();
        if (length >= 0 && !HttpUtil.isTransferEncodingChunked(res) && maxObj > 0 && htxHead(res) + length > maxObj) {
            return;
        }
        // process-vary is off: a response that varies is never stored
        if (h.contains("vary")) {
            return;
        }
        Cacheability.response(t, h);
        if (!t.cacheable || !t.cacheCook || t.ignore) {
            return;
        }
        CacheEntry e = cache.begin(t.hash);
        if (e == null) {
            return;
        }
        long now = Cache.now();
        long[] trueMaxAge = {0};
        long maxAge = Cacheability.maxAge(h, cache.config().maxAge(), now, trueMaxAge);
        String age = h.get("age");
        if (age != null) {
            long a = parseAge(age);
            // an invalid Age, or one past the response's own freshness: stale, not stored (haproxy
            // keeps that freshness in an int and compares it unsigned with the Age)
            if (a <= 0 || Math.min(a, CacheEntry.MAX_AGE) > ((int) trueMaxAge[0] & 0xffffffffL)) {
                cache.abandon(e);
                return;
            }
            e.age = Math.min(a, CacheEntry.MAX_AGE);
            h.remove("age");
            t.removedHeaders++;
        }
        e.unusedBlocks = t.removedHeaders;
        e.lastModified = lastModified(h, now);
        e.version = res.protocolVersion().text();
        e.status = status;
        e.reason = res.status().reasonPhrase();
        e.chunked = HttpUtil.isTransferEncodingChunked(res);
        for (Map.Entry<String, String> x : h) {
            String name = x.getKey().toLowerCase(java.util.Locale.ROOT);
            e.headers.add(new CacheEntry.Header(name, x.getValue()));
            if (name.equals("etag")) {
                e.etag = x.getValue();
            }
        }
        if (!cache.reserve(e, e.headRowSize())) {
            cache.abandon(e);
            return;
        }
        e.latestValidation = now;
        t.storing(new CacheStore(cache, e, now + maxAge));
    }

    private static boolean ver11(HttpVersion v) {
        return v.majorVersion() > 1 || v.majorVersion() == 1 && v.minorVersion() >= 1;
    }

    /** The head's HTX size with the current headers: what max-object-size is checked against, with the length. */
    private static long htxHead(HttpResponse res) {
        long n = 20 + res.protocolVersion().text().length() + 3 + res.status().reasonPhrase().length() + 1;
        for (Map.Entry<String, String> x : res.headers()) {
            n += x.getKey().length() + x.getValue().length();
        }
        return n;
    }

    private static long parseAge(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Last-Modified, else Date, else now: what If-Modified-Since is compared with. */
    private static long lastModified(HttpHeaders h, long now) {
        for (String name : new String[] {"last-modified", "date"}) {
            String v = h.get(name);
            Long at = v == null ? null : HttpDates.parse(v);
            if (at != null && at != 0) {
                return at;
            }
        }
        return now;
    }

    /**
     * sha1_hosturi(): the SHA-1 of the URI, prefixed with "https://" and the first Host value
     * when it is in origin form (so H1 and H2 requests share objects); null without a Host.
     */
    static byte[] key(HttpRequest req) {
        String uri = req.uri();
        if (uri.isEmpty()) {
            return null;
        }
        String text;
        if (hasAuthority(uri)) {
            text = uri;
        } else {
            String host = req.headers().get("host");
            if (host == null) {
                return null;
            }
            text = "https://" + host.strip() + uri;
        }
        try {
            return MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.ISO_8859_1));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HTX_SL_F_HAS_AUTHORITY: an absolute URI ("scheme://authority...") or the authority form. */
    private static boolean hasAuthority(String uri) {
        return uri.charAt(0) != '/' && uri.charAt(0) != '*';
    }
}
