package org.jhaproxy.runtime.fcgi;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The server side of a "proto fcgi" connection, beside the H1 one: records in and out, the
 * request turned into records, the records turned into the response. The stream's handler
 * (ServerSide) comes after, unchanged: it sees the same HTTP messages as from an H1 server.
 */
public final class FcgiPipeline {
    private FcgiPipeline() {
    }

    /** Adds the FastCGI codec for {@code app}; the caller adds the stream's handler after it. */
    public static void install(Channel ch, FcgiApp app) {
        ch.pipeline().addLast("fcgi-records-in", new FcgiRecordDecoder());
        ch.pipeline().addLast("fcgi-records-out", new FcgiRecordEncoder());
        ch.pipeline().addLast("fcgi-response", new FcgiResponseDecoder(app));
        ch.pipeline().addLast("fcgi-request", new FcgiRequestEncoder(app));
    }

    /**
     * A request is about to be written on {@code ch}: returns false when the connection does
     * not speak FastCGI, else tells its codec what the request's params and response depend on.
     */
    public static boolean requestStarts(Channel ch, HttpRequest request, SampleContext samples) {
        FcgiRequestEncoder out = ch.pipeline().get(FcgiRequestEncoder.class);
        if (out == null) {
            return false;
        }
        int id = out.requestStarts(samples);
        ch.pipeline().get(FcgiResponseDecoder.class).requestStarts(id, request.method().equals(HttpMethod.HEAD),
                request.protocolVersion().equals(HttpVersion.HTTP_1_1));
        return true;
    }
}
