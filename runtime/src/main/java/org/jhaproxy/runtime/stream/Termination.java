package org.jhaproxy.runtime.stream;

import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.proxy.BackendCounters;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.server.Server;

/**
 * How a stream ended, logged or not (SF_ERR_* and SF_FINST_*: the first cause and the first
 * phase set win), and what its end adds to the abort counters of its backend and server, the
 * "cli_abrt", "srv_abrt" and "eresp" of the stats (process_stream()'s error reports): in the
 * data phase, a client that aborts or stays silent is a client abort; a server that aborts is a
 * server abort and a failed response, one that stays silent a server abort. A client aborting
 * while its response is awaited ("CH") is a client abort too.
 */
public final class Termination {
    private TermState.Cause cause = TermState.Cause.NONE;
    private TermState.Phase phase = TermState.Phase.NONE;
    private Server server;
    /** The client reset its connection while its response was awaited. */
    private boolean clientGone;
    /** The H1 parser refused the server's body after its head went out: a failed response, not an abort. */
    private boolean bodyRefused;

    /** The stream ends this way, unless a cause (a phase) was set before. */
    public void end(TermState.Cause c, TermState.Phase p) {
        if (cause == TermState.Cause.NONE) {
            cause = c;
        }
        if (phase == TermState.Phase.NONE) {
            phase = p;
        }
    }

    /** The server the stream was given, whose counters count its end as the backend's do. */
    public void server(Server s) {
        server = s;
    }

    /**
     * The client reset its connection while its response was awaited: what is written to it
     * next fails, which process_stream() counts as a client abort once no analyser is left,
     * whatever ended the stream first (a 504, a 502 of haproxy's, or the response in its data).
     */
    public void clientGone() {
        clientGone = true;
    }

    /**
     * The server's body was refused by the H1 parser once the head was forwarded (an invalid
     * chunk size): http_response_forward_body() counts it as a failed response (see
     * {@link #failedResponse}), and no server abort, though the stream ends as the server's ("SD").
     */
    public void serverBodyRefused() {
        bodyRefused = true;
    }

    /** At the stream's end, once: the aborts it counts for {@code backend} (null: none) and its server. */
    public void count(Proxy backend) {
        if (backend == null) {
            return;
        }
        boolean client = cause == TermState.Cause.CLIENT_CLOSE || cause == TermState.Cause.CLIENT_TIMEOUT;
        if (phase == TermState.Phase.DATA) {
            if (client) {
                add(backend, c -> c.cliAborts.increment());
            } else if (cause == TermState.Cause.SERVER_CLOSE) {
                if (!bodyRefused) {
                    add(backend, c -> {
                        c.srvAborts.increment();
                        c.failedResp.increment();
                    });
                }
            } else if (cause == TermState.Cause.SERVER_TIMEOUT) {
                add(backend, c -> c.srvAborts.increment());
            }
        } else if (phase == TermState.Phase.HEADERS && cause == TermState.Cause.CLIENT_CLOSE) {
            add(backend, c -> c.cliAborts.increment());
        } else if (clientGone) {
            add(backend, c -> c.cliAborts.increment());
        }
    }

    /**
     * No valid response came from {@code server} (http_wait_for_response()'s errors, a 502 or a
     * 504): the backend's and the server's "eresp", the tracked http_fail_cnt, and an error named
     * {@code what} for "observe layer7" ("Read timeout (http)"...).
     */
    public static void failedResponse(Proxy backend, Server server, SampleContext samples, String what) {
        backend.backendCounters().failedResp.increment();
        org.jhaproxy.runtime.stick.Tracking.httpFailure(samples);
        if (server != null) {
            server.counters().failedResp.increment();
            server.observation().responseFailed(what);
        }
    }

    /**
     * The server's connection ended before a response head: a close is a failed response
     * ("Close from server (http)"); a reset is one twice, as process_stream() counts the
     * connection's error before http_wait_for_response() counts its read error ("Read error (http)").
     */
    public static void serverClosedEarly(Proxy backend, Server server, SampleContext samples, boolean reset) {
        if (reset) {
            backend.backendCounters().failedResp.increment();
            if (server != null) {
                server.counters().failedResp.increment();
            }
        }
        failedResponse(backend, server, samples, reset ? "Read error (http)" : "Close from server (http)");
    }

    /** The server the stream was given (its target), or null. */
    public Server server() {
        return server;
    }

    private void add(Proxy backend, java.util.function.Consumer<BackendCounters> what) {
        what.accept(backend.backendCounters());
        if (server != null) {
            what.accept(server.counters());
        }
    }
}
