package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.net.InetSocketAddress;
import org.jhaproxy.runtime.lb.LbRequest;

/**
 * What a backend's "balance" sees of an HTTP request once its rules ran: the source address they
 * left, the URI and headers as received, and for url_param the start of a POST body held back
 * until the server is chosen.
 */
final class BalancedRequest implements LbRequest {
    private final HttpRequest request;
    private final InetSocketAddress source;
    private final RequestBody body;

    BalancedRequest(HttpRequest request, InetSocketAddress source, RequestBody body) {
        this.request = request;
        this.source = source;
        this.body = body;
    }

    @Override
    public InetSocketAddress source() {
        return source;
    }

    @Override
    public String uri() {
        return request.uri();
    }

    @Override
    public String header(String name) {
        return request.headers().get(name);
    }

    @Override
    public boolean post() {
        return request.method().equals(HttpMethod.POST);
    }

    @Override
    public byte[] bodyStart() {
        return BodyBeforeBalance.start(body.held());
    }
}
