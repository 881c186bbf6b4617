package org.jhaproxy.runtime.http;

import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.proxy.ProxyState;

/**
 * What HAProxy's H1 mux wants of each connection of a transaction once it ends (H1S_F_WANT_KAL
 * or H1S_F_WANT_CLO; h1_set_cli_conn_mode and h1_set_srv_conn_mode), and the Connection value it
 * writes for it. Both start as keep-alive and only move to close, as the messages are seen:
 * the request when it is parsed, then the response.
 */
final class ConnectionMode {
    private boolean clientClose;
    private boolean serverClose;

    /** The request was parsed: HTTP/1.0 without keep-alive, or an explicit close, closes the client. */
    void requestParsed(H1Flags req, boolean teWithContentLength, Proxy frontend) {
        if (!(req.ver11() || req.connKeepAlive()) || req.connClose() || teWithContentLength
                || (req.transferEncoding() && !req.ver11()) || frontend.state() == ProxyState.STOPPED) {
            clientClose = true;
        }
    }

    /**
     * The request is written to the server: "option http-server-close" or "httpclose" on the
     * frontend or the backend closes the server connection after the response. Returns the
     * Connection value to append: "keep-alive" for an HTTP/1.0 request to a kept connection (or
     * with "option http-pretend-keepalive"), "close" for an HTTP/1.1 one to a closed connection.
     */
    String requestToServer(boolean ver11, HttpSettings fe, HttpSettings be, boolean backendStopping) {
        if (fe.mode() != HttpMode.KEEP_ALIVE || be.mode() != HttpMode.KEEP_ALIVE || backendStopping) {
            serverClose = true;
        }
        if (!serverClose || be.pretendKeepAlive()) {
            return ver11 ? null : "keep-alive";
        }
        return ver11 ? "close" : null;
    }

    /** The server's response was parsed: no known length, "close", or HTTP/1.0 without keep-alive closes it. */
    void responseParsed(H1Flags res, boolean lengthKnown) {
        if (!lengthKnown || res.connClose() || !(res.ver11() || res.connKeepAlive())) {
            serverClose = true;
        }
    }

    /**
     * The final response is written to the client: a response of unknown length, "option
     * httpclose" on the frontend, a reply of haproxy's own before the request ended, or a
     * transfer-encoded HTTP/1.0 response close it. Returns the Connection value to append.
     */
    String responseToClient(boolean resVer11, boolean reqVer11, boolean lengthKnown, boolean transferEncoding,
                            HttpSettings fe, boolean proxyReplyBeforeRequestEnd) {
        if (!lengthKnown || fe.mode() == HttpMode.CLOSE || proxyReplyBeforeRequestEnd
                || (transferEncoding && !resVer11)) {
            clientClose = true;
        }
        if (!clientClose) {
            return !resVer11 || !reqVer11 ? "keep-alive" : null;
        }
        return resVer11 ? "close" : null;
    }

    boolean closesClient() {
        return clientClose;
    }

    boolean closesServer() {
        return serverClose;
    }

    void closeServer() {
        serverClose = true;
    }
}
