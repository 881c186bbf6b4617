package org.jhaproxy.runtime.persist;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jhaproxy.runtime.server.Server;

/**
 * The server-side cookie analysis of a response (manage_server_side_cookies()), then the
 * Set-Cookie haproxy inserts in insert mode (http_process_res_common()): the persistence cookie
 * the server set is removed (insert, or indirect on a direct access), rewritten to the server's
 * value (rewrite) or prefixed with it (prefix); the first cookie matching "capture cookie" is kept.
 */
final class ServerCookies {
    static final char SCK_NONE = 'N';
    static final char SCK_FOUND = 'P';
    static final char SCK_DELETED = 'D';
    static final char SCK_INSERTED = 'I';
    static final char SCK_REPLACED = 'R';
    static final char SCK_UPDATED = 'U';

    private static final java.util.Set<Integer> CACHEABLE_STATUS = java.util.Set.of(200, 203, 204, 206, 300, 301,
            404, 405, 410, 414, 501);

    private final Persistence txn;
    private final CookieSettings ck;
    private final Server server;
    private final int status;
    private final boolean post;
    /** TX_CACHEABLE: a safe method, a status cacheable by default, unless the response says otherwise. */
    private boolean cacheable;

    ServerCookies(Persistence txn, Server server, int status, boolean safeMethod, boolean post) {
        this.txn = txn;
        this.ck = txn.settings();
        this.server = server;
        this.status = status;
        this.post = post;
        this.cacheable = safeMethod && CACHEABLE_STATUS.contains(status);
    }

    void apply(HttpHeaders headers) {
        List<Map.Entry<String, String>> all = headers.entries();
        boolean changed = false;
        List<Map.Entry<String, String>> out = new ArrayList<>(all.size() + 2);
        // Set-Cookie lines first, then Set-Cookie2 ones, as haproxy looks them up
        for (String name : new String[] {"set-cookie", "set-cookie2"}) {
            for (int i = 0; i < all.size(); i++) {
                Map.Entry<String, String> h = all.get(i);
                if (h == null || !h.getKey().equalsIgnoreCase(name)) {
                    continue;
                }
                String v = header(h.getValue(), name.equals("set-cookie2"));
                if (!v.equals(h.getValue())) {
                    changed = true;
                    all.set(i, v.isEmpty() ? null : Map.entry(name, v));
                }
            }
        }
        if (ck != null && ck.nocache()) {
            responseCacheability(headers);
        }
        String inserted = insertion();
        if (!changed && inserted == null) {
            return;
        }
        for (Map.Entry<String, String> h : all) {
            if (h != null) {
                out.add(h);
            }
        }
        headers.clear();
        out.forEach(h -> headers.add(h.getKey(), h.getValue()));
        if (inserted != null) {
            headers.add("set-cookie", inserted);
            if (ck.nocache() && cacheable) {
                // HTTP/1.0 caches would keep the cookie too: "private" rather than no-cache="set-cookie"
                headers.add("cache-control", "private");
            }
        }
    }

    /** One Set-Cookie (or Set-Cookie2) value as the client gets it, "" if it is removed whole. */
    private String header(String value, boolean cookie2) {
        CookieScan c = new CookieScan(value);
        for (int prev = 0; prev < c.end; prev = c.next) {
            c.read(prev, cookie2);
            if (c.next < c.end) {
                // Set-Cookie attributes may hold commas (Expires): one cookie a line
                c.next = cookie2 ? CookieText.elementEnd(c.text, c.next, c.end) : c.end;
            }
            if (c.equal == c.valEnd) {
                continue;
            }
            c.squeeze();
            if (txn.capture() != null && txn.serverCookie == null) {
                txn.serverCookie = txn.capture().capture(c.text, c.attBeg, c.valEnd);
            }
            if (ck == null || !c.named(ck.name())) {
                continue;
            }
            txn.sck = SCK_FOUND;
            String srvCookie = server.config().option("cookie", null);
            if (ck.preserve()) {
                // the server's own cookie is left alone
                continue;
            }
            if (ck.insert() || (txn.direct && ck.indirect())) {
                txn.sck = SCK_DELETED;
                if (prev == 0 && c.next == c.end) {
                    return "";
                }
                int[] from = {prev};
                int delta = CookieText.remove(c.text, from, c.next);
                c.next = from[0];
                c.end += delta;
                txn.sck = SCK_DELETED;
            } else if (srvCookie != null && ck.rewrite()) {
                c.text.replace(c.valBeg, c.valEnd, srvCookie);
                c.edited(srvCookie.length() - (c.valEnd - c.valBeg));
                txn.sck = SCK_REPLACED;
            } else if (srvCookie != null && ck.prefix()) {
                c.text.insert(c.valBeg, srvCookie + "~");
                c.edited(srvCookie.length() + 1);
                txn.sck = SCK_REPLACED;
            }
        }
        return c.text.toString();
    }

    /** The Set-Cookie to insert, or null (insert mode, unless the client came with a fresh cookie). */
    private String insertion() {
        if (ck == null || !ck.insert() || (txn.sck == SCK_FOUND && ck.preserve())) {
            return null;
        }
        long now = System.currentTimeMillis() / 1000;
        boolean refresh = !txn.direct
                || ((ck.maxidle() != 0 || txn.lastDate != 0) && (txn.lastDate == 0 || txn.lastDate - now < 0))
                || (ck.maxlife() != 0 && txn.firstDate == 0)
                || (ck.maxlife() == 0 && txn.firstDate != 0);
        if (!refresh || (ck.postonly() && !post)) {
            return null;
        }
        String srvCookie = server.config().option("cookie", null);
        StringBuilder sb = new StringBuilder(ck.name());
        if (srvCookie == null) {
            // a server without cookie (a backup...) makes the client forget its cookie
            sb.append("=; Expires=Thu, 01-Jan-1970 00:00:01 GMT; path=/");
        } else {
            sb.append('=').append(srvCookie);
            if (ck.maxidle() != 0 || ck.maxlife() != 0) {
                sb.append('|').append(CookieText.date((now + 3) >> 2));
                if (ck.maxlife() != 0) {
                    sb.append('|').append(CookieText.date(txn.firstDate != 0 ? txn.firstDate >> 2 : (now + 3) >> 2));
                }
            }
            sb.append("; path=/");
        }
        if (ck.domain() != null) {
            sb.append("; domain=").append(ck.domain());
        }
        if (ck.httponly()) {
            sb.append("; HttpOnly");
        }
        if (ck.secure()) {
            sb.append("; Secure");
        }
        if (ck.attrs() != null) {
            sb.append("; ").append(ck.attrs());
        }
        txn.sck = srvCookie != null && txn.direct ? SCK_UPDATED : SCK_INSERTED;
        return sb.toString();
    }

    /**
     * http_check_response_for_cacheability(): Pragma and Cache-Control may change TX_CACHEABLE,
     * and haproxy 2.6.12 does not count as cacheable a response with neither freshness
     * (max-age, s-maxage, Expires) nor validator (ETag, Last-Modified).
     */
    private void responseCacheability(HttpHeaders headers) {
        if (status < 200) {
            cacheable = false;
            return;
        }
        String pragma = headers.get("pragma");
        if (pragma != null && pragma.trim().equalsIgnoreCase("no-cache")) {
            cacheable = false;
            return;
        }
        boolean fresh = false;
        for (String line : headers.getAll("cache-control")) {
            for (String v : line.split(",")) {
                String d = v.trim().toLowerCase(java.util.Locale.ROOT);
                if (d.equals("public")) {
                    cacheable = true;
                } else if (d.equals("private") || d.equals("no-cache") || d.equals("no-store")
                        || d.equals("max-age=0") || d.equals("s-maxage=0")) {
                    cacheable = false;
                } else if (!d.startsWith("no-cache=\"set-cookie") && (d.startsWith("s-maxage") || d.startsWith("max-age"))) {
                    fresh = true;
                }
            }
        }
        if (!fresh && !headers.contains("expires") && !headers.contains("etag") && !headers.contains("last-modified")) {
            cacheable = false;
        }
    }
}
