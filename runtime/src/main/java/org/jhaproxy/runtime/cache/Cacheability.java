package org.jhaproxy.runtime.cache;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether a request may use the cache and a response may fill it, from their Cache-Control,
 * Pragma, Authorization, Expires and validator headers (http_check_request_for_cacheability()
 * and http_check_response_for_cacheability() in http_ana.c), and how long a response stays
 * fresh (http_calc_maxage() in cache.c).
 */
final class Cacheability {
    private Cacheability() {
    }

    /** The values of a header split at the commas outside quotes, as http_find_header() iterates them. */
    static List<String> values(HttpHeaders h, String name) {
        List<String> out = new ArrayList<>();
        for (String line : h.getAll(name)) {
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                char ch = i < line.length() ? line.charAt(i) : ',';
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == ',' && !quoted) {
                    String v = line.substring(start, i).strip();
                    if (!v.isEmpty()) {
                        out.add(v);
                    }
                    start = i + 1;
                }
            }
        }
        return out;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    static void request(CacheTxn t, HttpHeaders h) {
        if (!t.cacheable && t.ignore) {
            return;
        }
        String pragma = h.get("pragma");
        boolean pragmaNoCache = pragma != null && pragma.strip().equalsIgnoreCase("no-cache");
        if (h.contains("authorization")) {
            t.cacheable = false;
            t.cacheCook = false;
            t.ignore = true;
        }
        List<String> cc = values(h, "cache-control");
        for (String v : cc) {
            // the values of max-age, max-stale and min-fresh are not checked: the cache is not used
            if (startsWithIgnoreCase(v, "max-age") || startsWithIgnoreCase(v, "no-cache")
                    || startsWithIgnoreCase(v, "max-stale") || startsWithIgnoreCase(v, "min-fresh")) {
                t.ignore = true;
            } else if (startsWithIgnoreCase(v, "no-store")) {
                t.cacheable = false;
                t.cacheCook = false;
            }
        }
        // RFC 7234 5.4: Pragma counts only without Cache-Control
        if (cc.isEmpty() && pragmaNoCache) {
            t.ignore = true;
        }
    }

    static void response(CacheTxn t, HttpHeaders h) {
        String pragma = h.get("pragma");
        if (pragma != null && pragma.strip().equalsIgnoreCase("no-cache")) {
            t.cacheable = false;
            t.cacheCook = false;
            return;
        }
        boolean freshness = false;
        for (String v : values(h, "cache-control")) {
            String l = v.toLowerCase(Locale.ROOT);
            if (l.equals("public")) {
                t.cacheable = true;
                t.cacheCook = true;
            } else if (l.equals("private") || l.equals("no-cache") || l.equals("no-store") || l.equals("max-age=0")
                    || l.equals("s-maxage=0")) {
                t.cacheable = false;
                t.cacheCook = false;
            } else if (l.startsWith("no-cache=\"set-cookie")) {
                t.cacheCook = false;
            } else if (l.startsWith("s-maxage") || l.startsWith("max-age")) {
                freshness = true;
            }
        }
        if (!freshness) {
            freshness = h.contains("expires");
        }
        // RFC 7234 3: without an expiration time nor a validator, nothing is stored
        if (!freshness && !h.contains("etag") && !h.contains("last-modified")) {
            t.ignore = true;
        }
    }

    /**
     * The seconds a response stays in the cache (s-maxage, max-age, Expires - now, or the
     * cache's max-age, never more than it), and in {@code trueMaxAge[0]} its own announced
     * freshness (0 when it gives none): -1 for an invalid directive value.
     */
    static long maxAge(HttpHeaders h, long cacheMaxAge, long now, long[] trueMaxAge) {
        long smaxage = -1;
        long maxage = -1;
        for (String v : values(h, "cache-control")) {
            String s = directive(v, "s-maxage");
            if (s != null) {
                smaxage = number(s);
                if (smaxage < 0) {
                    return -1;
                }
            }
            s = directive(v, "max-age");
            if (s != null) {
                maxage = number(s);
                if (maxage < 0) {
                    return -1;
                }
            }
        }
        long expires = -1;
        if (maxage == -1 && smaxage == -1) {
            String e = h.get("expires");
            if (e != null) {
                Long at = HttpDates.parse(e);
                // an invalid date is a date in the past (RFC 7234 5.3)
                expires = at == null ? 0 : Math.max(0, at - now);
            }
        }
        for (long v : new long[] {smaxage > 0 ? smaxage : -1, maxage > 0 ? maxage : -1, expires}) {
            if (v >= 0) {
                trueMaxAge[0] = v;
                return Math.min(v, cacheMaxAge);
            }
        }
        return cacheMaxAge;
    }

    /** directive_value(): the text after "word=" when the value starts with the word (any case), else null. */
    private static String directive(String v, String word) {
        if (v.length() <= word.length() + 1 || !v.regionMatches(true, 0, word, 0, word.length())
                || v.charAt(word.length()) != '=') {
            return null;
        }
        return v.substring(word.length() + 1);
    }

    /** strtol() of a directive's value, which may be quoted: -1 without digits or when negative. */
    private static long number(String s) {
        int i = s.startsWith("\"") ? 1 : 0;
        int start = i;
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        long n = 0;
        int digits = i;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && n < Integer.MAX_VALUE) {
            n = n * 10 + (s.charAt(i++) - '0');
        }
        if (i == digits || i == start) {
            return -1;
        }
        return neg ? -1 : n;
    }
}
