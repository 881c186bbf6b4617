package org.jhaproxy.runtime.stats;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jhaproxy.runtime.action.Reply;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The stats page served by a proxy with "stats" lines (haproxy's http_stats_applet): a GET,
 * HEAD or POST whose path starts with "stats uri" is answered here instead of being forwarded,
 * after the proxy's http-request rules, with the page, ";csv", ";typed" or ";json".
 */
public final class StatsApplet {
    /** The answer of "stats auth" to a request without valid credentials (http-request auth). */
    private static final String UNAUTHORIZED_BODY = "<html><body><h1>401 Unauthorized</h1>\n"
            + "You need a valid user and password to access this content.\n</body></html>\n";

    private StatsApplet() {
    }

    /**
     * The stats reply if the frontend or, when it is another proxy, the chosen backend serves
     * the stats at this request's URI; else null (the request goes on).
     */
    public static Reply intercept(Proxies proxies, SampleContext c, HttpRequest req) {
        Proxy fe = c.frontend();
        Reply r = intercept(proxies, fe, fe, req);
        if (r == null && c.backendAssigned() && c.backend() != null && c.backend() != fe) {
            r = intercept(proxies, fe, c.backend(), req);
        }
        return r;
    }

    private static Reply intercept(Proxies proxies, Proxy fe, Proxy px, HttpRequest req) {
        StatsSettings st = px.stats();
        if (st == null || !matches(st, req)) {
            return null;
        }
        if (fe == px) {
            fe.frontendCounters().intercepted.increment();
        }
        if (px.config().isBackend()) {
            px.backendCounters().lastSession.set(System.currentTimeMillis());
        }
        if (!st.auth().isEmpty() && !authorized(st, req.headers().get(HttpHeaderNames.AUTHORIZATION))) {
            byte[] body = UNAUTHORIZED_BODY.getBytes(StandardCharsets.ISO_8859_1);
            return Reply.local("HTTP/1.1 401 Unauthorized\r\ncontent-length: " + body.length
                    + "\r\ncache-control: no-cache\r\ncontent-type: text/html\r\nwww-authenticate: Basic realm=\""
                    + st.realm() + "\"\r\n\r\n" + UNAUTHORIZED_BODY, false);
        }
        return answer(proxies, st, px, req);
    }

    /** http_stats_check_uri(): the method, then the path (or the whole URI) starts with the prefix. */
    private static boolean matches(StatsSettings st, HttpRequest req) {
        HttpMethod m = req.method();
        if (!m.equals(HttpMethod.GET) && !m.equals(HttpMethod.HEAD) && !m.equals(HttpMethod.POST)) {
            return false;
        }
        String uri = req.uri();
        if (st.uri().startsWith("/")) {
            uri = path(uri);
        }
        return uri.startsWith(st.uri());
    }

    /** The path of a request URI, an absolute one included. */
    private static String path(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme > 0 && !uri.startsWith("/")) {
            int slash = uri.indexOf('/', scheme + 3);
            uri = slash < 0 ? "" : uri.substring(slash);
        }
        return uri;
    }

    private static boolean authorized(StatsSettings st, String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String cred;
        try {
            cred = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return st.auth().contains(cred);
    }

    private static Reply answer(Proxies proxies, StatsSettings st, Proxy px, HttpRequest req) {
        String uri = req.uri();
        String after = path(uri).length() >= st.uri().length() ? path(uri).substring(st.uri().length()) : "";
        boolean legends = st.showLegends();
        List<List<StatRow>> shown = new ArrayList<>();
        int iid = proxies.firstId();
        for (Proxy p : proxies.all()) {
            shown.add(st.shows(p.name()) ? StatRows.of(p, iid, proxies, legends) : List.of());
            iid++;
        }
        List<StatRow> rows = new ArrayList<>();
        shown.forEach(rows::addAll);
        String type;
        String body;
        if (after.contains(";json-schema")) {
            type = "application/json";
            body = StatSchema.JSON;
        } else if (after.contains(";json")) {
            type = "application/json";
            body = StatOutput.json(rows);
        } else if (after.contains(";typed")) {
            type = "text/plain";
            body = StatOutput.typed(rows, false);
        } else if (after.contains(";csv")) {
            type = "text/plain";
            body = StatOutput.csv(rows);
        } else {
            type = "text/html";
            body = StatsPage.render(st, shown, st.uri(), ProcessHandle.current().pid());
        }
        boolean head = req.method().equals(HttpMethod.HEAD);
        boolean chunked = req.protocolVersion().equals(HttpVersion.HTTP_1_1) && !head;
        StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\ncache-control: no-cache\r\ncontent-type: ")
                .append(type).append("\r\n");
        if (st.refreshSeconds() > 0 && !after.contains(";norefresh")) {
            sb.append("refresh: ").append(st.refreshSeconds()).append("\r\n");
        }
        if (chunked) {
            byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
            sb.append("transfer-encoding: chunked\r\n\r\n");
            if (bytes.length > 0) {
                sb.append(Integer.toHexString(bytes.length)).append("\r\n").append(body).append("\r\n");
            }
            return Reply.local(sb.append("0\r\n\r\n").toString(), false);
        }
        sb.append("\r\n");
        // without chunking the end of the page is the end of the connection
        return Reply.local(head ? sb.toString() : sb.append(body).toString(), true);
    }
}
