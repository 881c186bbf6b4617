package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpRequest;
import org.jhaproxy.runtime.action.Service;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * "http-request use-service" (and a cache hit, the cache applet): the applet is the stream's
 * server, reached at once and named in the log, and the frontend counts the request as
 * intercepted when its own rules chose it. Its response then goes through the response
 * analysers as a server's ({@link OwnReplyRules}).
 */
final class ServiceExchange {
    private ServiceExchange() {
    }

    /** The applet's answer, its size as HTX holds it (for the log) always known. */
    static Service.Answer call(Service service, HttpStream stream, SampleContext samples, HttpRequest request,
                               TransactionLog log, String connection) {
        log.applet(service.name());
        Proxy fe = stream.frontend();
        if (!samples.backendAssigned() || samples.backend() == null || samples.backend() == fe) {
            fe.frontendCounters().intercepted.increment();
        }
        Service.Answer a = service.answer(stream.context().engine(), samples, request, connection);
        // http_wait_for_response() on the applet's head: its 4xx counts for the tracked counters
        org.jhaproxy.runtime.stick.Tracking.httpResponse(samples, a.reply().status());
        return a.htxBytes() < 0 ? new Service.Answer(a.reply(), HtxSize.raw(a.reply().bytes())) : a;
    }
}
