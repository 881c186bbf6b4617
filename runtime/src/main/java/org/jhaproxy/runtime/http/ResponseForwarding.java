package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.jhaproxy.runtime.action.Reply;
import org.jhaproxy.runtime.cache.CacheTxn;
import org.jhaproxy.runtime.comp.CompEncoder;
import org.jhaproxy.runtime.persist.Persistence;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * A server's response on its way to the client (haproxy's http_wait_for_response() then
 * http_response_forward_body()): interim 1xx heads pass at once, the final head goes through the
 * http-response rules, its body part by part. What ends the transaction is the transaction's call.
 */
final class ResponseForwarding {
    /** How the response ends the transaction it answers. */
    interface Ends {
        /** The whole response was forwarded. */
        void forwarded();

        /** The server's head is invalid: haproxy resets the server connection and answers 502. */
        void invalid();

        /** The body is invalid (a chunk size) after the head went out: both sides are cut ("SD"). */
        void cut(H1Flags head);

        /** An http-response rule denied the response: its reply goes to the client instead. */
        void denied(Reply reply);

        /** The transaction is over (a client gone while the head was written, a denial...): nothing more goes out. */
        boolean over();

        /** The head of a 101 or of a CONNECT's 2xx was forwarded: both connections become a tunnel. */
        void tunnel();
    }

    private final HttpStream stream;
    private final TransactionLog log;
    private final ServerLeg leg;
    private final SampleContext samples;
    private final Persistence persistence;
    private final ConnectionMode conn;
    private final boolean headRequest;
    private final boolean clientVer11;
    /** The request was a CONNECT: its 2xx opens a tunnel. */
    private final boolean connectRequest;
    /** The request asked for an upgrade ("Connection: upgrade", no body): a 101 may answer it. */
    private final boolean upgradeRequest;
    /** The final head opens a tunnel: the empty end the decoder gives it starts it. */
    private boolean tunnel;
    private final Ends ends;
    private boolean started;
    private boolean interim;
    /** The parser's flags of the final head, for "show errors" if its body is refused. */
    private H1Flags headFlags;
    private boolean bodyless;
    private boolean chunked;
    /** The response body's encoder when it is compressed, else null. */
    private CompEncoder encoder;

    ResponseForwarding(HttpStream stream, TransactionLog log, ServerLeg leg, SampleContext samples,
                       Persistence persistence, ConnectionMode conn, HttpRequest request, H1Flags requestFlags,
                       Ends ends) {
        this.stream = stream;
        this.log = log;
        this.leg = leg;
        this.samples = samples;
        this.persistence = persistence;
        this.conn = conn;
        this.headRequest = request.method().equals(HttpMethod.HEAD);
        this.connectRequest = request.method().equals(HttpMethod.CONNECT);
        this.clientVer11 = requestFlags.ver11();
        this.upgradeRequest = requestFlags.connUpgrade();
        this.ends = ends;
    }

    /** The final response's head was forwarded: an error now can no longer be answered. */
    boolean started() {
        return started;
    }

    /** A head or a part of the body from the server's decoder. */
    void part(Object msg) {
        if (msg instanceof HttpResponse res) {
            head(res);
            if (!ends.over() && !interim && msg instanceof HttpContent c) {
                content(c);
            } else {
                ReferenceCountUtil.release(msg);
            }
            return;
        }
        if (interim) {
            // the empty end Netty's decoder gives an interim response
            interim = false;
            ReferenceCountUtil.release(msg);
            return;
        }
        content((HttpContent) msg);
    }

    private void head(HttpResponse res) {
        H1Flags flags = res.decoderResult().isFailure() ? null : H1Flags.of(res, false);
        headFlags = flags;
        if (flags == null || flags.badWebSocket()) {
            // the H1 parser refused it, or a WebSocket handshake without its Sec-WebSocket-Accept
            ends.invalid();
            return;
        }
        int code = res.status().code();
        leg.server().observation().responded(code);
        if (code >= 100 && code < 200 && code != 101) {
            ResponseHeads.interim(res, stream, log);
            interim = true;
            return;
        }
        if (code == 101 && !(upgradeRequest && flags.connUpgrade())) {
            // http_wait_for_response(): both messages must carry "Connection: upgrade"
            ends.invalid();
            return;
        }
        // a FastCGI application's response stays a response: its connection is no byte stream
        tunnel = (code == 101 || connectRequest && code >= 200 && code < 300)
                && !(res instanceof org.jhaproxy.runtime.fcgi.FcgiResponse);
        started = true;
        ResponseHeads.Outcome outcome = ResponseHeads.forward(res, flags, headRequest, clientVer11, tunnel, conn, stream,
                leg.server().backend(), leg.server(), samples, log, persistence);
        chunked = outcome.chunked();
        bodyless = outcome.bodyless();
        encoder = outcome.encoder();
        if (outcome.denied() != null) {
            started = false;
            ends.denied(outcome.denied());
        }
    }

    private void content(HttpContent c) {
        if (c.decoderResult().isFailure() && !bodyless) {
            // never written: the encoder would end the chunks and make a cut response look whole
            c.release();
            ends.cut(headFlags);
            return;
        }
        if (bodyless) {
            // its head may announce a length or chunks: nothing follows it (H1S_F_BODYLESS_RESP)
            c.release();
        } else {
            // the log and the byte counters count the body as it entered the channel, before any filter
            log.responsePart(c, chunked);
            HttpCounting.responseBytes(stream.frontend(), leg.server().backend(), leg.server(),
                    c.content().readableBytes());
            // the cache filter comes before compression: it stores the body as the server sent it
            CacheTxn.forwarded(samples, c);
            if (encoder != null) {
                Proxy be = leg.server().backend();
                long end = chunked && c instanceof LastHttpContent l ? HtxSize.chunkedEnd(l.trailingHeaders()) : 0;
                c = encoder.part(c, end, stream.client().alloc(), stream.frontend().frontendCounters().comp,
                        be.backendCounters().comp);
            }
            stream.client().write(c);
        }
        if (c instanceof LastHttpContent) {
            stream.client().flush();
            if (tunnel) {
                ends.tunnel();
            } else {
                ends.forwarded();
            }
        }
    }
}
