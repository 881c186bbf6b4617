package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpRequest;
import java.util.function.Consumer;
import org.jhaproxy.runtime.action.HttpRequestAnalyzer;
import org.jhaproxy.runtime.action.Reply;
import org.jhaproxy.runtime.action.WaitForBody;
import org.jhaproxy.runtime.sample.BufferedBody;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * A transaction's request analysis (the rules), stopping where "option http-buffer-request" or
 * "http-request wait-for-body" waits for the body and resuming once it came: the request time
 * (TR) then ends (http_wait_for_request_body() dates the request from the end of the wait). The
 * rules see the body held meanwhile through req.body and its kin.
 */
final class RequestAnalysis {
    private final HttpRequestAnalyzer analyzer;
    private final HttpRequest request;
    private final BodyWait wait;
    private final RequestBody body;
    private final SampleContext samples;
    private final TransactionLog log;
    private final Consumer<Reply> analyzed;
    private final Runnable timedOut;
    private boolean waiting;
    /** The rules' last verdict: null when the request goes on to a server. */
    private Reply verdict;
    /** Ends the transaction as a client gone before its body was whole (no reply; logged before the close). */
    private final Runnable clientGone;
    /** The client left while the rules waited: they went on with what came, the stream ends without a server. */
    private boolean aborted;

    /**
     * {@code analyzed} gets the verdict once the rules ran; {@code timedOut} runs when the body
     * came too late (the stream's 408); {@code clientGone} ends a stream whose client stayed idle
     * while the content rules waited.
     */
    RequestAnalysis(HttpStream stream, HttpRequest request, RequestBody body, TransactionLog log, SampleContext samples,
                    Consumer<Reply> analyzed, Runnable timedOut, Runnable clientGone) {
        this.request = request;
        this.clientGone = clientGone;
        this.analyzer = new HttpRequestAnalyzer(samples, request);
        this.wait = new BodyWait(stream, request, body, log);
        this.body = body;
        this.samples = samples;
        this.log = log;
        this.analyzed = analyzed;
        this.timedOut = timedOut;
        // the content rules are final once nothing more of the request can come into the buffer
        analyzer.inputEnded(() -> aborted || body.ended() || body.heldBytes() >= body.room());
        samples.requestBody(new BufferedBody() {
            @Override
            public byte[] data() {
                return body.buffered();
            }

            @Override
            public long size() {
                long cl = io.netty.handler.codec.http.HttpUtil.getContentLength(request, -1L);
                return cl >= 0 && !io.netty.handler.codec.http.HttpUtil.isTransferEncodingChunked(request)
                        ? cl : data().length;
            }

            @Override
            public long htxLength() {
                return HtxSize.head(request) - MessageHeads.requestShrink(request) + Math.min(body.room(), body.heldBytes());
            }
        });
    }

    /** Runs the rules until they decide, or until they wait for the body. */
    void run() {
        Reply verdict;
        // a reply keeps the connection only after a whole request (return, redirect)
        samples.requestComplete(body.complete());
        while ((verdict = analyzer.run()) == Reply.WAIT_BODY) {
            WaitForBody w = analyzer.waiting();
            if (w == null) {
                // tcp-request content rules waiting for more of the request, or for their delay's end
                if (wait.awaitMore(analyzer.inspectDeadline(), this::resumed, this::idle)) {
                    waiting = true;
                    return;
                }
                continue;
            }
            if (wait.await(request.headers(), w.timeMs(), w.atLeast(), this::resumed, this::late)) {
                waiting = true;
                return;
            }
            log.bodyReceived();
            samples.requestComplete(body.complete());
        }
        this.verdict = verdict;
        if (analyzer.contentRejected() != null) {
            log.rejectedByContent(analyzer.contentRejected() == HttpRequestAnalyzer.ContentReject.FRONTEND);
        }
        analyzed.accept(verdict);
    }

    /**
     * The client closed while the rules waited for its body: the wait ends (http_wait_for_msg_body()
     * stops at a shut input) and the rules go on with what came; false when they were not waiting.
     */
    boolean clientLeft() {
        if (!waiting) {
            return false;
        }
        aborted = true;
        body.inputClosed();
        return true;
    }

    /** The client left during the wait: a reply is logged but not sent, and no server is connected. */
    boolean aborted() {
        return aborted;
    }

    private void resumed() {
        waiting = false;
        log.bodyReceived();
        run();
    }

    /**
     * The client stayed idle past "timeout client" while tcp-request content rules waited: as
     * haproxy does, they run final on what came, and a stream they let go on ends there, "cR",
     * closed without a reply (a reject or a rule's reply ends it as usual, nothing sent).
     */
    private void idle() {
        waiting = false;
        aborted = true;
        log.bodyReceived();
        verdict = null;
        run();
        if (verdict == null) {
            log.end(org.jhaproxy.runtime.log.TermState.Cause.CLIENT_TIMEOUT, org.jhaproxy.runtime.log.TermState.Phase.REQUEST);
            clientGone.run();
        }
    }

    /** The body did not come in time: the 408 is logged without a request time (http_wait_for_msg_body()). */
    private void late() {
        waiting = false;
        log.withoutRequestTime();
        timedOut.run();
    }
}
