package org.jhaproxy.runtime.http;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import org.jhaproxy.runtime.comp.Compression;
import org.jhaproxy.runtime.log.UniqueId;
import org.jhaproxy.runtime.persist.ServerName;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.proxy.ProxyState;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.server.Server;

/**
 * The request as its server gets it: the client's head as HTX holds it, plus what the HTTP
 * layer adds on the way (forwardfor, unique-id, the connection mode's Connection header, the
 * server name header), then the body kept so far, as the H1 mux sends them once connected.
 */
final class ServerRequest {
    private final HttpRequest client;
    private final HttpRequest head;
    private final RequestBody body;
    private final boolean ver11;
    /** "Connection: upgrade": the H1 mux leaves the Connection header as it is (h1_update_req_conn_value()). */
    private final boolean upgrade;

    ServerRequest(HttpRequest client, RequestBody body, H1Flags flags) {
        this.client = client;
        this.head = MessageHeads.forServer(client);
        this.body = body;
        this.ver11 = flags.ver11();
        this.upgrade = flags.connUpgrade();
    }

    /** The head the server will get, still open to the HTTP layer's additions. */
    HttpRequest head() {
        return head;
    }

    /**
     * The backend is known (http_process_request(), then the filters' request headers): the
     * unique id and forwardfor headers are added, and the compression filter reads (and with
     * "compression offload" removes) Accept-Encoding.
     */
    void backendChosen(Proxy frontend, Proxy backend, SampleContext samples) {
        UniqueId.request(samples, head.headers());
        ForwardFor.apply(frontend.http().forwardFor(), backend.http().forwardFor(), head, samples.src());
        Compression.request(samples, frontend, backend, head.headers());
    }

    /** The head and what arrived of the body go out on {@code ch}, the connection to {@code s}. */
    void send(Channel ch, Server s, HttpStream stream, Proxy backend, ConnectionMode conn, SampleContext samples) {
        ResponseDecoder.requestStarts(ch, client, samples);
        String connection = conn.requestToServer(ver11, stream.frontend().http(), backend.http(),
                backend.state() == ProxyState.STOPPED);
        if (!upgrade) {
            MessageHeads.connection(head.headers(), connection);
        }
        ServerName.apply(backend, s, head.headers());
        ch.write(head);
        HttpCounting.requestSent(stream.frontend(), backend, s, head, body.held());
        body.drainTo(ch);
        if (client instanceof LastHttpContent) {
            ch.write(LastHttpContent.EMPTY_LAST_CONTENT);
        }
        ch.flush();
    }
}
