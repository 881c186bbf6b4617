package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import org.jhaproxy.runtime.action.HttpAfterResponse;
import org.jhaproxy.runtime.action.HttpResponseAnalyzer;
import org.jhaproxy.runtime.action.Reply;
import org.jhaproxy.runtime.comp.CompEncoder;
import org.jhaproxy.runtime.comp.Compression;
import org.jhaproxy.runtime.persist.Persistence;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.proxy.ProxyState;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.server.Server;

/**
 * A server's response head on its way to the client (http_wait_for_response() and
 * http_process_res_common()): an interim one goes as it is; a final one has its framing
 * decided, passes the http-response rules, is counted, logged and written with the
 * connection mode's header, unless a rule refused it.
 */
final class ResponseHeads {
    private ResponseHeads() {
    }

    /**
     * How the final head left: its framing as the server sent it, the reply of the rule that
     * refused it, if one did, and the encoder of its body when it is compressed.
     */
    record Outcome(boolean chunked, boolean bodyless, Reply denied, CompEncoder encoder) {
    }

    /** A 1xx other than 101: written to the client at once; the final response follows. */
    static void interim(HttpResponse res, HttpStream stream, TransactionLog log) {
        long framing = HtxSize.bodylessFraming(res);
        HttpResponse head = MessageHeads.forClient(res);
        log.responseBytes(HtxSize.head(head) + framing);
        stream.client().write(head);
        stream.client().flush();
    }

    /**
     * The final head: {@code tunnel} when it opens one (a 101, a CONNECT's 2xx), which the H1 mux
     * forwards with its Connection header as it came, as it does any head with "Connection: upgrade".
     */
    static Outcome forward(HttpResponse res, H1Flags flags, boolean headRequest, boolean clientVer11, boolean tunnel,
                           ConnectionMode conn, HttpStream stream, Proxy backend, Server server, SampleContext samples,
                           TransactionLog log, Persistence persistence) {
        int code = res.status().code();
        boolean bodyless = headRequest || code == 204 || code == 304 || tunnel;
        boolean lengthKnown = bodyless || flags.contentLength() || flags.chunked();
        if (!(res instanceof org.jhaproxy.runtime.fcgi.FcgiResponse) && !tunnel) {
            // a FastCGI connection outlives its response by FCGI_KEEP_CONN, whatever the response's H1 form
            conn.responseParsed(flags, lengthKnown);
        }
        if (stream.frontend().state() == ProxyState.STOPPED) {
            conn.closeClient();
        }
        long framing = HtxSize.bodylessFraming(res);
        HttpResponse head = MessageHeads.forClient(res);
        // res.total counts the response as it entered the channel, before the http-response rules
        long size = HtxSize.head(head) + framing + org.jhaproxy.runtime.fcgi.FcgiResponse.htxAdjust(res);
        // the compression filter decides before the rules, which may read res.comp
        Compression.responseHead(samples, res, headRequest || tunnel, lengthKnown, stream.frontend(), backend);
        // the rules see the response as HTX holds it, before the H1 mux adds its Connection header
        Reply denied = HttpResponseAnalyzer.analyze(samples, head, server);
        HttpCounting.responseHead(stream.frontend(), backend, denied == null ? server : null, head, size);
        if (denied != null) {
            if (HttpCounting.isDeny(denied)) {
                HttpCounting.deniedResponse(stream.frontend(), backend, server);
            }
            // what was read of the response stays counted: its head and a small body read with it
            long length = HttpUtil.getContentLength(res, -1L);
            log.responseBytes(size + (length >= 0 && length <= stream.limits().maxChunk() ? length : 0));
            return new Outcome(flags.chunked(), bodyless, denied, null);
        }
        if (persistence != null) {
            persistence.response(server, code, head.headers());
        }
        HttpAfterResponse.apply(samples, head);
        CompEncoder encoder = Compression.startResponse(samples, head, stream.limits().compLevel());
        // t_data: the response passed the analysers
        log.responsePassed(head.status().code());
        String connection = tunnel ? null : conn.responseToClient(flags.ver11(), clientVer11, lengthKnown,
                flags.transferEncoding(), stream.frontend().http(), false);
        if (!flags.connUpgrade()) {
            MessageHeads.connection(head.headers(), connection);
        }
        log.responseBytes(size);
        stream.client().write(head);
        log.headersForwarded(stream.frontend(), backend, samples, res instanceof HttpContent c ? c.content().readableBytes() : 0);
        return new Outcome(flags.chunked(), bodyless, null, encoder);
    }
}
