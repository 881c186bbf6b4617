package org.jhaproxy.runtime.cache;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * A conditional request on a cached object (should_send_notmodified_response(), RFC 7232 3.2
 * and 3.3): If-None-Match "*" or an entity tag weakly equal to the stored ETag, or, without
 * If-None-Match, an If-Modified-Since not earlier than the object's last modification.
 */
final class Conditional {
    private Conditional() {
    }

    static boolean notModified(HttpHeaders h, CacheEntry e) {
        boolean ifNoneMatch = false;
        for (String v : Cacheability.values(h, "if-none-match")) {
            ifNoneMatch = true;
            if (v.equals("*")) {
                return true;
            }
            if (e.etag == null) {
                break;
            }
            if (weakEquals(e.etag.strip(), v)) {
                return true;
            }
        }
        if (ifNoneMatch) {
            return false;
        }
        String since = h.get("if-modified-since");
        Long at = since == null ? null : HttpDates.parse(since);
        return at != null && e.lastModified <= at;
    }

    /** http_compare_etags(): both quoted, compared without their "W/" prefixes. */
    private static boolean weakEquals(String a, String b) {
        a = a.startsWith("W/") ? a.substring(2) : a;
        b = b.startsWith("W/") ? b.substring(2) : b;
        return a.length() >= 2 && a.startsWith("\"") && a.endsWith("\"") && a.equals(b);
    }
}
