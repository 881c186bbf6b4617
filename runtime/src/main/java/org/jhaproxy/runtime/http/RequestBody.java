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
    /** What waits for the body (BodyWait), told of each part held, or null. */
    private Waiter waiter;
    /** A wait for the body answered the request's "Expect: 100-continue" (msg_state reached DATA). */
    private boolean continued;
    private long room = Long.MAX_VALUE;
    /**
     * The HTX data blocks the held body takes: each read's data is a block of its own in the
     * request buffer (the H1 mux transfers what it read as new blocks), each costing its index.
     */
    private int blocks;
    private boolean newBlock = true;
    /** The body bytes held, not forwarded yet. */
    private long heldBytes;

    /** What waits for the body while it is held (http_wait_for_msg_body()). */
    interface Waiter {
        /** A part was held: the waiter removes itself ({@link #waiter}) when the wait is over. */
        void partQueued();

        /** The client closed its side: the wait is over. */
        void inputClosed();
    }

    RequestBody(HttpRequest request) {
        this.request = request;
        this.done = request instanceof LastHttpContent;
    }

    /**
     * The head was accepted: a request announcing no body is complete with it; {@code room} is
     * how much body the request buffer holds beside this head (BodyRoom).
     */
    void headParsed(boolean chunked, long room) {
        bodyless = !chunked && HttpUtil.getContentLength(request, 0L) == 0L;
        this.room = room;
    }

    /** How much of the body the request buffer holds (the head as received beside it, the blocks of the body). */
    long room() {
        return room - BodyRoom.BLOCK_INDEX * Math.max(0, blocks - 1);
    }

    /**
     * A read from {@code client} ended: if it drained the socket, body data read next is a new
     * block (RequestDecoder#drained).
     */
    void readEnded(io.netty.channel.Channel client) {
        if (heldBytes > 0 && client.pipeline().get(RequestDecoder.class).drained()) {
            newBlock = true;
        }
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

    /** {@code w} waits for the body from now on (null: nothing waits): meanwhile the body is read and held. */
    void waiter(Waiter w) {
        waiter = w;
    }

    Waiter waiter() {
        return waiter;
    }

    /** The client's side closed: a wait for the body ends with what came. */
    boolean inputClosed() {
        Waiter w = waiter;
        if (w == null) {
            return false;
        }
        waiter = null;
        w.inputClosed();
        return true;
    }

    boolean continued() {
        return continued;
    }

    void continued(boolean c) {
        continued = c;
    }

    long heldBytes() {
        return heldBytes;
    }

    /** Forwards {@code part} on {@code server}, or holds it while there is no server connection yet. */
    void forward(HttpContent part, Channel server) {
        if (server != null) {
            server.write(part);
            return;
        }
        queued.add(part);
        if (newBlock && part.content().isReadable()) {
            blocks++;
            newBlock = false;
        }
        heldBytes += part.content().readableBytes();
        if (waiter != null) {
            waiter.partQueued();
        }
    }

    /** Writes the held parts on the server connection just established. */
    void drainTo(Channel server) {
        HttpContent part;
        while ((part = queued.poll()) != null) {
            server.write(part);
        }
        heldBytes = 0;
        blocks = 0;
    }

    /** The parts held so far, oldest first (the balancer may read them: "balance url_param"). */
    java.util.Collection<HttpContent> held() {
        return java.util.Collections.unmodifiableCollection(queued);
    }

    /** The server side can take more: its connection is writable, or few parts are held. */
    boolean roomFor(Channel server) {
        return server != null ? server.isWritable() : waiter != null || queued.size() < MAX_QUEUED_PARTS;
    }

    /**
     * What the request buffer holds of the body for the fetches (req.body...): the held bytes,
     * at most {@link #room} of them (the rest is not read into haproxy's buffer yet).
     */
    byte[] buffered() {
        int n = (int) Math.min(room(), heldBytes);
        byte[] out = new byte[Math.max(n, 0)];
        int at = 0;
        for (HttpContent c : queued) {
            if (at >= out.length) {
                break;
            }
            int len = Math.min(c.content().readableBytes(), out.length - at);
            c.content().getBytes(c.content().readerIndex(), out, at, len);
            at += len;
        }
        return out;
    }

    /** The held parts will never be forwarded. */
    void release() {
        HttpContent c;
        while ((c = queued.poll()) != null) {
            ReferenceCountUtil.release(c);
        }
        heldBytes = 0;
        waiter = null;
    }
}
