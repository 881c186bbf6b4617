package org.jhaproxy.runtime.stats;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
     * What the applet does with a request: a reply at once, or an admin POST that answers once
     * its form is read ({@link StatsAdminPost#finish()}). {@code challenge}: the reply is the 401
     * of "stats auth", which haproxy 2.6 logs as a 400 without response time, counting the bytes
     * of its 400 error message after the 401's (the message itself is not sent).
     */
    public record Answer(Reply reply, StatsAdminPost post, boolean challenge, long htxBytes) {
        Answer(Reply reply, StatsAdminPost post) {
            this(reply, post, false, -1);
        }
    }

    /** sizeof(struct htx_sl), the descriptor of a start line in HTX. */
    private static final int HTX_START_LINE = 20;

    /**
     * The stats reply if the frontend or, when it is another proxy, the chosen backend serves
     * the stats at this request's URI; else null (the request goes on).
     */
    public static Answer intercept(StatsAdminPost.Scope scope, SampleContext c, HttpRequest req) {
        Proxy fe = c.frontend();
        Answer r = intercept(scope, c, fe, fe, req);
        if (r == null && c.backendAssigned() && c.backend() != null && c.backend() != fe) {
            r = intercept(scope, c, fe, c.backend(), req);
        }
        return r;
    }

    private static Answer intercept(StatsAdminPost.Scope scope, SampleContext c, Proxy fe, Proxy px, HttpRequest req) {
        StatsSettings st = px.stats();
        if (st == null || !matches(st, req)) {
            return null;
        }
        if (fe == px) {
            fe.frontendCounters().intercepted.increment();
            // the frontend's stats applet is chosen before its switching rules, which then do
            // not run: the stream's backend stays the frontend (the log's "fe/<STATS>")
            c.backend(null);
        }
        if (px.config().isBackend()) {
            px.backendCounters().lastSession.set(System.currentTimeMillis());
        }
        if (st.auth() != null && !authorized(st, req)) {
            byte[] body = UNAUTHORIZED_BODY.getBytes(StandardCharsets.ISO_8859_1);
            return new Answer(Reply.local("HTTP/1.1 401 Unauthorized\r\ncontent-length: " + body.length
                    + "\r\ncache-control: no-cache\r\ncontent-type: text/html\r\nwww-authenticate: Basic realm=\""
                    + st.realm() + "\"\r\n\r\n" + UNAUTHORIZED_BODY, false), null, true, -1);
        }
        // http_handle_stats(): the admin rules are evaluated once, on the request's headers
        boolean admin = px.rules().statsAdmin(c);
        if (req.method().equals(HttpMethod.POST)) {
            String after = after(st, req.uri());
            String flags = (after.contains(";up") ? ";up" : "")
                    + (st.refreshSeconds() > 0 && after.contains(";norefresh") ? ";norefresh" : "") + scope(after);
            // without the admin level the form is still read (and ignored) before the answer
            return new Answer(null, new StatsAdminPost(admin ? scope : null, st.uri(), flags, connection(req)));
        }
        return answer(scope.proxies(), st, px, req, admin);
    }

    /** What follows the stats URI in the request's URI (its options: ";csv", ";up", "?scope="...). */
    private static String after(StatsSettings st, String uri) {
        return uri.length() >= st.uri().length() ? uri.substring(st.uri().length()) : "";
    }

    /**
     * The "scope=" text of the URI as the redirect keeps it ("?scope=" + up to 20 characters
     * before a ';', '&' or ' '); a text with a character not allowed in a proxy name is dropped.
     */
    static String scope(String after) {
        int at = after.indexOf("scope=");
        if (at < 0) {
            return "";
        }
        int end = at + 6;
        while (end < after.length() && ";& ".indexOf(after.charAt(end)) < 0) {
            end++;
        }
        String text = after.substring(at + 6, Math.min(end, at + 6 + 20));
        if (text.isEmpty() || !text.matches("[A-Za-z0-9_.:-]*")) {
            return "";
        }
        return "?scope=" + text;
    }

    /** http_stats_check_uri(): the method, then the path (or the whole URI) starts with the prefix. */
    private static boolean matches(StatsSettings st, HttpRequest req) {
        HttpMethod m = req.method();
        if (!m.equals(HttpMethod.GET) && !m.equals(HttpMethod.HEAD) && !m.equals(HttpMethod.POST)) {
            return false;
        }
        String uri = req.uri();
        if (st.uri().startsWith("/")) {
            uri = org.jhaproxy.runtime.sample.RequestUri.pathQueryOrEmpty(uri);
        }
        return uri.startsWith(st.uri());
    }

    /**
     * The rule haproxy adds for "stats auth" ("auth unless { http_auth(.internal-stats-userlist) }"):
     * Basic credentials of one of its users.
     */
    private static boolean authorized(StatsSettings st, HttpRequest req) {
        org.jhaproxy.runtime.auth.Credentials c = org.jhaproxy.runtime.auth.Credentials.of(req);
        return c != null && c.scheme() == org.jhaproxy.runtime.auth.Credentials.Scheme.BASIC
                && st.auth().checkUser(c.user(), c.pass());
    }

    /**
     * The page in the asked form. The bytes logged are those haproxy counts, the HTX the applet
     * filled: its start line and headers (not the mux's connection and chunking), the data.
     */
    private static Answer answer(Proxies proxies, StatsSettings st, Proxy px, HttpRequest req, boolean admin) {
        String uri = req.uri();
        String path = org.jhaproxy.runtime.sample.RequestUri.pathQueryOrEmpty(uri);
        String after = path.length() >= st.uri().length() ? path.substring(st.uri().length()) : "";
        boolean legends = st.showLegends();
        // ";up" and ";no-maint" hide servers as "show stat up|no-maint" does (STAT_HIDE_DOWN / _MAINT)
        ServerFilter filter = new ServerFilter(after.contains(";up"), after.contains(";no-maint"));
        List<List<StatRow>> shown = new ArrayList<>();
        for (Proxy p : proxies.all()) {
            shown.add(st.shows(p.name()) ? StatRows.of(p, proxies.uuid(p), proxies, legends, filter) : List.of());
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
            body = StatsPage.render(st, shown, st.uri(), ProcessHandle.current().pid(), StatsPage.Heading.of(st, proxies));
        }
        boolean head = req.method().equals(HttpMethod.HEAD);
        boolean ver11 = req.protocolVersion().equals(HttpVersion.HTTP_1_1);
        String conn = connection(req);
        StringBuilder sb = new StringBuilder("HTTP/1.1 200 OK\r\ncache-control: no-cache\r\ncontent-type: ")
                .append(type).append("\r\n");
        long htx = HTX_START_LINE + "HTTP/1.1".length() + "200".length() + "OK".length()
                + "cache-control".length() + "no-cache".length() + "content-type".length() + type.length() + 1;
        if (st.refreshSeconds() > 0 && !after.contains(";norefresh")) {
            String refresh = Long.toString(st.refreshSeconds());
            sb.append("refresh: ").append(refresh).append("\r\n");
            htx += "refresh".length() + refresh.length();
        }
        // the applet announces chunks to an HTTP/1.1 client; the H1 mux then adds its connection
        // header, and for an HTTP/1.0 one it adds both (the page length is not known in advance)
        if (!head && ver11) {
            sb.append("transfer-encoding: chunked\r\n");
            htx += "transfer-encoding".length() + "chunked".length();
        }
        if (conn != null) {
            sb.append("connection: ").append(conn).append("\r\n");
        }
        if (!head && !ver11) {
            sb.append("transfer-encoding: chunked\r\n");
        }
        sb.append("\r\n");
        if (!head) {
            byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
            htx += bytes.length;
            if (bytes.length > 0) {
                // haproxy's H1 mux writes chunk sizes in upper case
                sb.append(Integer.toHexString(bytes.length).toUpperCase(java.util.Locale.ROOT)).append("\r\n").append(body).append("\r\n");
            }
            sb.append("0\r\n\r\n");
        }
        return new Answer(Reply.local(sb.toString(), "close".equals(conn)), null, false, htx);
    }

    /**
     * The connection header the H1 mux gives a reply to {@code req}: "close" for an HTTP/1.1
     * client asking to close or an HTTP/1.0 one not asking to keep the connection,
     * "keep-alive" for an HTTP/1.0 one asking to keep it, none otherwise.
     */
    static String connection(HttpRequest req) {
        String c = req.headers().get(HttpHeaderNames.CONNECTION, "");
        boolean close = false;
        boolean keep = false;
        for (String t : c.split(",")) {
            close |= t.trim().equalsIgnoreCase("close");
            keep |= t.trim().equalsIgnoreCase("keep-alive");
        }
        if (req.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            return close ? "close" : null;
        }
        return keep && !close ? "keep-alive" : "close";
    }
}
