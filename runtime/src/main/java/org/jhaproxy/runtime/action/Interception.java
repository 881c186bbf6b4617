package org.jhaproxy.runtime.action;

import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The frontend's "intercepted" counter of the stats (intercepted_req): a request that an
 * "http-request return" or a redirect answered while the stream's backend was still the
 * frontend, that is from the frontend's own rules (or a "listen"'s); a backend's rules answering
 * do not count, nor do the response rules.
 */
final class Interception {
    private Interception() {
    }

    static void count(SampleContext c, HttpMessage msg) {
        if (msg instanceof HttpRequest && (!c.backendAssigned() || c.backend() == c.frontend())) {
            c.frontend().frontendCounters().intercepted.increment();
        }
    }
}
