package org.jhaproxy.runtime.persist;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * One HTTP transaction's cookie persistence (the TX_CK / TX_SCK flags, SF_DIRECT, the cookie
 * dates and the captured cookies of http_txn): the request's cookies may pick its server, the
 * response's Set-Cookie headers are rewritten and one is inserted where the mode wants it.
 * The log shows the two flags in %tsc and the captures in %CC / %CS.
 */
public final class Persistence {
    static final char CK_NONE = 'N';
    static final char CK_INVALID = 'I';
    static final char CK_DOWN = 'D';
    static final char CK_VALID = 'V';
    static final char CK_EXPIRED = 'E';
    static final char CK_OLD = 'O';
    static final char CK_UNUSED = 'U';

    private final CookieSettings settings;
    private final CookieCapture capture;
    char ck = CK_NONE;
    char sck = ServerCookies.SCK_NONE;
    /** SF_DIRECT: the server was chosen by the client's cookie. */
    boolean direct;
    /** SF_ASSIGNED by the cookie: the server to connect to. */
    Server server;
    /** The cookie's dates, in seconds (multiples of 4), 0 when absent. */
    long lastDate;
    long firstDate;
    String clientCookie;
    String serverCookie;
    private final boolean safeMethod;
    private final boolean post;

    private Persistence(CookieSettings settings, CookieCapture capture, HttpMethod method) {
        this.settings = settings;
        this.capture = capture;
        this.safeMethod = method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)
                || method.equals(HttpMethod.OPTIONS) || method.equals(HttpMethod.TRACE);
        this.post = method.equals(HttpMethod.POST);
    }

    /**
     * http_process_request()'s cookie step, for a request going to {@code backend}: null when
     * neither the backend's persistence cookie nor the frontend's capture is configured.
     * {@code headers} are the server's copy of the request's, rewritten in place.
     */
    public static Persistence request(Proxy frontend, Proxy backend, HttpMethod method, HttpHeaders headers) {
        CookieSettings ck = backend.persist().cookie();
        CookieCapture cap = frontend.persist().capture();
        if (ck == null && cap == null) {
            return null;
        }
        Persistence p = new Persistence(ck, cap, method);
        p.clientSide(backend.servers(), backend.persist().persist(), headers);
        return p;
    }

    private void clientSide(List<Server> servers, boolean persistDown, HttpHeaders headers) {
        if (!headers.contains("cookie")) {
            return;
        }
        ClientCookies analysis = new ClientCookies(this, servers, persistDown, System.currentTimeMillis() / 1000);
        List<Map.Entry<String, String>> all = headers.entries();
        headers.clear();
        for (Map.Entry<String, String> h : all) {
            String v = h.getKey().equalsIgnoreCase("cookie") ? analysis.header(h.getValue()) : h.getValue();
            if (v != null) {
                headers.add(h.getKey(), v);
            }
        }
    }

    /** The server the cookie designates (the stream goes there directly), or null for the balancer. */
    public Server server() {
        return server;
    }

    /**
     * http_process_res_common()'s cookie step for a final response from {@code s}: the
     * Set-Cookie headers, then the persistence cookie inserted when the client needs one.
     */
    public void response(Server s, int status, HttpHeaders headers) {
        if (status < 200 && status != 101) {
            return;
        }
        new ServerCookies(this, s, status, safeMethod, post).apply(headers);
    }

    CookieSettings settings() {
        return settings;
    }

    CookieCapture capture() {
        return capture;
    }

    /** The two cookie characters of %tsc: "--" unless the backend has a cookie mode. */
    public char clientFlag() {
        return settings != null && settings.anyMode() ? ck : '-';
    }

    public char serverFlag() {
        return settings != null && settings.anyMode() ? sck : '-';
    }

    /** %CC: the captured request cookie, or null. */
    public String capturedRequestCookie() {
        return clientCookie;
    }

    /** %CS: the captured response cookie, or null. */
    public String capturedResponseCookie() {
        return serverCookie;
    }
}
