package org.jhaproxy.runtime.http;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import org.jhaproxy.runtime.action.Reply;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.stats.StatsAdminPost;
import org.jhaproxy.runtime.stats.StatsApplet;
import org.jhaproxy.runtime.stream.StreamContext;

/**
 * The stats applet's side of a transaction whose request asks for the stats page: the applet is
 * the stream's server ("&lt;STATS&gt;", reached at once), answers at once or, for an admin POST,
 * once it has read the form; the 401 challenge of "stats auth" is logged as haproxy logs it.
 */
final class StatsExchange {
    private final StatsApplet.Answer answer;

    private StatsExchange(StatsApplet.Answer answer) {
        this.answer = answer;
    }

    /** The exchange if the stats applet takes this request, else null. */
    static StatsExchange intercept(HttpStream stream, SampleContext samples, HttpRequest request, TransactionLog log) {
        Proxy be = samples.backendAssigned() ? samples.backend() : null;
        if (samples.frontend().stats() == null && (be == null || be.stats() == null)) {
            return null;
        }
        StreamContext ctx = stream.context();
        StatsAdminPost.Scope scope = new StatsAdminPost.Scope(ctx.proxies(), ctx.engine().events(),
                stream.client().eventLoop(), ctx.streams());
        StatsApplet.Answer a = StatsApplet.intercept(scope, samples, request);
        if (a == null) {
            return null;
        }
        if (a.challenge()) {
            log.appletChallenge("<STATS>");
        } else {
            log.applet("<STATS>");
        }
        return new StatsExchange(a);
    }

    /** An admin POST whose form is still to come: the answer waits for {@link #formPart}. */
    boolean readsForm(boolean requestComplete) {
        return answer.post() != null && !requestComplete;
    }

    /** The page as the applet put it in HTX (without the H1 mux's framing), -1 for other answers. */
    long pageBytes() {
        return answer.post() == null ? answer.htxBytes() : -1;
    }

    /** The answer once the request is complete. */
    Reply reply() {
        return answer.post() != null ? answer.post().finish() : answer.reply();
    }

    /** Part of an admin POST's form (released here); the answer once it is the last one, else null. */
    Reply formPart(HttpContent part, boolean last) {
        answer.post().add(part.content());
        ReferenceCountUtil.release(part);
        return last ? answer.post().finish() : null;
    }

    /**
     * The 401 of "stats auth" ends the client connection (after it, haproxy's stream fails with
     * the 400 it logs), without a Connection header in the 401.
     */
    boolean closesAfter() {
        return answer.challenge();
    }

    /**
     * haproxy 2.6 follows the 401 of "stats auth" with its 400 error message, which the closed
     * channel drops: the log shows 400 and the size of both.
     */
    static void logged(StatsExchange stats, TransactionLog log) {
        if (stats != null && stats.answer.challenge()) {
            log.status(400);
            log.responseBytes(HtxSize.raw(HttpErrors.message(400)));
        }
    }
}
