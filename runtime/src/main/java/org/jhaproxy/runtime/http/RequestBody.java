package org.jhaproxy.runtime.http;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * The request side of a transaction (haproxy's request channel): how much of the request was
 * received, and its body parts on their way to the server, held while the server connection is
 * not up yet. Back-pressure: past {@link #MAX_QUEUED_PARTS} held parts the client is not read.
 */
final class RequestBody {
    private static final int MAX_QUEUED_PARTS = 64;

    private final HttpRequest request;
    private final ArrayDeque<HttpContent> queued = new ArrayDeque<>();
    /** The decoder gave the request's last part. */
    private boolean done;
    /** The request has no body: it is complete with its head, as haproxy sees it (EOM). */
    private boolean bodyless;
    /** The server choice waiting for the body "balance url_param" looks into, or null. */
    private Runnable serverChoice;
    /** Told of each part received while the server choice waits (the client's idle timeout). */
    private Runnable partReceived;

    RequestBody(HttpRequest request) {
        this.request = request;
        this.done = request instanceof LastHttpContent;
    }

    /** The head was accepted: a request announcing no body is complete with it. */
    void headParsed(boolean chunked) {
        bodyless = !chunked && HttpUtil.getContentLength(request, 0L) == 0L;
    }

    /** The decoder's last part arrived (or the request will read nothing more). */
    void received() {
        done = true;
    }

    /** A body part the parser rejected: the request never completes. */
    void broken() {
        done = false;
    }

    /** Every part was received. */
    boolean done() {
        return done;
    }

    /** Nothing more of the request is to come: its last part was received, or it has no body. */
    boolean ended() {
        return done || bodyless;
    }

    /** The request was received whole, or has no body (the decoder's empty end part is still to come). */
    boolean complete() {
        return done || (!HttpUtil.isTransferEncodingChunked(request) && HttpUtil.getContentLength(request, 0L) == 0);
    }

    /**
     * The server is chosen once the body is whole or fills the buffer (http_process_request()
     * waiting for a POST body with "balance url_param"): meanwhile the body is read and held.
     */
    void beforeServerChoice(Runnable choose, Runnable onPart) {
        serverChoice = choose;
        partReceived = onPart;
    }

    /** Forwards {@code part} on {@code server}, or holds it while there is no server connection yet. */
    void forward(HttpContent part, Channel server) {
        if (server != null) {
            server.write(part);
            return;
        }
        queued.add(part);
        if (serverChoice == null) {
            return;
        }
        if (done || BodyBeforeBalance.full(queued, request)) {
            Runnable choose = serverChoice;
            serverChoice = null;
            partReceived = null;
            choose.run();
        } else {
            partReceived.run();
        }
    }

    /** Writes the held parts on the server connection just established. */
    void drainTo(Channel server) {
        HttpContent part;
        while ((part = queued.poll()) != null) {
            server.write(part);
        }
    }

    /** The parts held so far, oldest first (the balancer may read them: "balance url_param"). */
    java.util.Collection<HttpContent> held() {
        return java.util.Collections.unmodifiableCollection(queued);
    }

    /** The server side can take more: its connection is writable, or few parts are held. */
    boolean roomFor(Channel server) {
        return server != null ? server.isWritable() : serverChoice != null || queued.size() < MAX_QUEUED_PARTS;
    }

    /** The held parts will never be forwarded. */
    void release() {
        HttpContent c;
        while ((c = queued.poll()) != null) {
            ReferenceCountUtil.release(c);
        }
    }
}
