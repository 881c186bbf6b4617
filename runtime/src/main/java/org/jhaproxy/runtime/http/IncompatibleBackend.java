package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpRequest;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * stream_set_backend() refusing the "mode tcp" backend a dynamic "use_backend" (a log-format, a
 * map) named for an HTTP stream; a static rule naming one is a configuration error. The stream
 * is aborted at once as an internal error: the client connection is closed without a byte, the
 * log shows status 500, no byte sent and "IR". The backend was set before the refusal, so the
 * line names it and it counts the connection (stot, rate, smax) and the request bytes (bin), but
 * never gives the connection back: without SF_BE_ASSIGNED stream_free() leaves its beconn (scur)
 * as it is, and haproxy's stats show it so.
 */
final class IncompatibleBackend {
    private IncompatibleBackend() {
    }

    /** True when {@code backend} cannot take the request: the stream is then to be ended silently. */
    static boolean refused(Proxy frontend, Proxy backend, HttpRequest request, TransactionLog log) {
        if (backend == null || backend.isHttp()) {
            return false;
        }
        backend.backendConnection();
        HttpCounting.requestBytes(frontend, backend, null, HtxSize.head(request) - MessageHeads.requestShrink(request));
        // the transaction's status is 500, which the frontend's hrsp_5xx counts (the backend's only in HTTP mode)
        HttpCounting.response(frontend, null, null, 500);
        log.withoutRequestTime();
        log.status(500);
        log.end(TermState.Cause.INTERNAL, TermState.Phase.REQUEST);
        return true;
    }
}
