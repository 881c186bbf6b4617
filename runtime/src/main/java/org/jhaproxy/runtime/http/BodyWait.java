package org.jhaproxy.runtime.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import org.jhaproxy.runtime.stream.Deadline;

/**
 * The stream waiting for the request body (http_wait_for_msg_body() on the request side), for
 * "option http-buffer-request", "http-request wait-for-body" and "balance url_param": until the
 * body is whole, or {@code atLeast} bytes of it came, or the buffer is full (bufsize less the
 * maxrewrite reserve, the head included). Meanwhile the body parts wait in the transaction's queue.
 *
 * <p>A request with a body gets haproxy's own "HTTP/1.1 100 Continue" for an HTTP/1.1 "Expect:
 * 100-continue" (the header is then removed: the server never sees it), once per request
 * (http_handle_expect_hdr()), even when the body already came. A body late past the time limit
 * (else the client's idle "timeout client") gets the 408; a client closing its side ends the wait
 * and the analysis goes on with what came.
 */
final class BodyWait implements RequestBody.Waiter {
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
    /** What haproxy counts for its 100-Continue in the log's bytes (the HTX message, EOM included). */
    private static final long CONTINUE_HTX = 40;

    private final HttpStream stream;
    private final RequestBody body;
    private final TransactionLog log;
    private final HttpRequest request;
    private long atLeast;
    private Runnable resume;
    private Deadline limit;
    private Deadline client;

    BodyWait(HttpStream stream, HttpRequest request, RequestBody body, TransactionLog log) {
        this.stream = stream;
        this.request = request;
        this.body = body;
        this.log = log;
    }

    /** Nothing to wait for: a bodyless request, or CONNECT. */
    static boolean bodyless(HttpRequest request) {
        return request.method().equals(HttpMethod.CONNECT)
                || !HttpUtil.isTransferEncodingChunked(request) && HttpUtil.getContentLength(request, 0L) == 0L;
    }

    /**
     * Waits for the body, then runs {@code resume}; false (and nothing waits) when the analysis can
     * go on at once. {@code headers}: where the Expect header is removed (the head the server gets).
     * {@code limitMs} 0: no time limit but the client's. {@code timedOut} runs if the body is late.
     */
    boolean await(HttpHeaders headers, long limitMs, long atLeast, Runnable resume, Runnable timedOut) {
        if (bodyless(request)) {
            return false;
        }
        if (!body.continued()) {
            body.continued(true);
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)
                    && "100-continue".equalsIgnoreCase(headers.get(HttpHeaderNames.EXPECT))) {
                stream.writeRaw(Unpooled.wrappedBuffer(CONTINUE));
                stream.client().flush();
                log.responseBytes(CONTINUE_HTX);
                headers.remove(HttpHeaderNames.EXPECT);
            }
        }
        this.atLeast = atLeast;
        if (satisfied()) {
            return false;
        }
        this.resume = resume;
        Runnable late = () -> late(timedOut);
        limit = new Deadline(stream.client().eventLoop(), late);
        limit.arm(limitMs);
        client = new Deadline(stream.client().eventLoop(), late);
        client.arm(stream.frontend().timeouts().client());
        body.waiter(this);
        return true;
    }

    /**
     * tcp-request content rules waiting within their inspect-delay (tcp_inspect_request()): runs
     * {@code resume} at the next body part, when the client closes its side, or at {@code deadline}
     * (nanoTime), whichever comes first; false when nothing more can come. No 100-Continue is
     * sent for them. A client idle past "timeout client" meanwhile ends the wait with {@code idle}
     * instead (no 408: the rules run final, then the stream ends).
     */
    boolean awaitMore(long deadline, Runnable resume, Runnable idle) {
        if (body.ended() || body.heldBytes() >= body.room()) {
            return false;
        }
        this.atLeast = body.heldBytes() + 1;
        this.resume = resume;
        // the transaction may have ended meanwhile (a kill, an answer): its released body has no waiter
        limit = new Deadline(stream.client().eventLoop(), () -> {
            if (body.waiter() == this) {
                end();
            } else {
                stop();
            }
        });
        limit.arm(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime() + 999_999)));
        client = new Deadline(stream.client().eventLoop(), () -> {
            if (body.waiter() == this) {
                body.waiter(null);
                this.resume = null;
                idle.run();
            }
            stop();
        });
        client.arm(stream.frontend().timeouts().client());
        body.waiter(this);
        return true;
    }

    /** The body is whole, or fills the buffer, or has the bytes asked for. */
    private boolean satisfied() {
        if (body.done()) {
            return true;
        }
        long held = body.heldBytes();
        return held >= body.room() || atLeast > 0 && held >= atLeast;
    }

    @Override
    public void partQueued() {
        if (satisfied()) {
            end();
        } else {
            client.arm(stream.frontend().timeouts().client());
        }
    }

    @Override
    public void inputClosed() {
        end();
    }

    /** The wait is over: the body came, or the client closed its side (the analysis goes on with what came). */
    private void end() {
        stop();
        body.waiter(null);
        Runnable r = resume;
        resume = null;
        if (r != null) {
            r.run();
        }
    }

    /**
     * The body is late, if still awaited (the transaction may have ended otherwise): an invalid
     * request (ereq, as abort_req counts it), then {@code timedOut} answers the 408.
     */
    private void late(Runnable timedOut) {
        if (body.waiter() != this) {
            stop();
            return;
        }
        stop();
        body.waiter(null);
        resume = null;
        HttpCounting.bodyTimedOut(stream.frontend());
        timedOut.run();
    }

    /** The wait ends without resuming. */
    private void stop() {
        if (limit != null) {
            limit.cancel();
            client.cancel();
        }
    }
}
