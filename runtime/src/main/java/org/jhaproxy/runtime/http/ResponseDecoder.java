package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpResponseDecoder;

/**
 * The server side's H1 parser: Netty's response decoder, told when the request in flight was a
 * HEAD so that the response has no body whatever its Content-Length says.
 */
final class ResponseDecoder extends HttpResponseDecoder {
    private boolean headRequest;

    ResponseDecoder(HttpLimits limits) {
        super(RequestDecoder.config(limits));
    }

    void headRequest(boolean head) {
        this.headRequest = head;
    }

    @Override
    protected boolean isContentAlwaysEmpty(HttpMessage msg) {
        return super.isContentAlwaysEmpty(msg) || headRequest;
    }
}
