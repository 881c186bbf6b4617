package org.jhaproxy.runtime.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.tcp.HalfClose;
import org.jhaproxy.runtime.tcp.StreamEnds;

/**
 * An HTTP stream turned into a tunnel (h1_set_tunnel_mode()): after a 101 answering an upgrade
 * request, or a 2xx answering a CONNECT, both connections carry raw bytes as "mode tcp" does,
 * half-closes and back-pressure included, under "timeout tunnel" (else the client and server
 * timeouts). The H1 codecs and the stream's handlers leave both pipelines; what either side sent
 * right behind its head goes on first. The stream is logged when the tunnel ends, with the
 * response's status and every byte the server sent counted.
 */
final class HttpTunnel implements StreamEnds, HalfClose.Traffic {
    private final HttpStream stream;
    private final Channel client;
    private final Channel server;
    private final Proxy backend;
    private final Server target;
    private final TransactionLog log;
    private final Runnable onEnd;
    private boolean over;

    private HttpTunnel(HttpStream stream, ServerLeg leg, Proxy backend, TransactionLog log, Runnable onEnd) {
        this.stream = stream;
        this.client = stream.client();
        this.server = leg.channel();
        this.target = leg.server();
        this.backend = backend;
        this.log = log;
        this.onEnd = onEnd;
    }

    /** Opens the tunnel of {@code stream}'s transaction, whose server connection is {@code leg}'s. */
    static HttpTunnel open(HttpStream stream, ServerLeg leg, Proxy backend, TransactionLog log, Runnable onEnd) {
        HttpTunnel t = new HttpTunnel(stream, leg, backend, log, onEnd);
        t.start();
        return t;
    }

    private void start() {
        ChannelPipeline front = client.pipeline();
        ChannelPipeline back = server.pipeline();
        stream.tunnelled();
        front.remove(H1Encoder.class);
        back.remove(H1Encoder.class);
        back.remove(ServerSide.class);
        HalfClose.splice(this, client, server, stream.frontend(), backend, this);
        // each decoder, removed, hands what it held on to the relay now behind it
        front.remove(RequestDecoder.class);
        back.remove(ResponseDecoder.class);
        client.flush();
        server.flush();
        if (client.isActive()) {
            client.read();
        }
        if (server.isActive()) {
            server.read();
        }
    }

    @Override
    public void toServer(long bytes) {
        log.requestBytes(bytes);
        HttpCounting.requestBytes(stream.frontend(), backend, target, bytes);
    }

    @Override
    public void toClient(long bytes) {
        log.responseBytes(bytes);
        HttpCounting.responseBytes(stream.frontend(), backend, target, bytes);
    }

    @Override
    public void endAs(TermState.Cause cause, TermState.Phase phase) {
        if (!over) {
            log.end(cause, phase);
        }
    }

    @Override
    public void end() {
        if (over) {
            return;
        }
        over = true;
        onEnd.run();
        stream.tunnelEnded();
    }

    @Override
    public void abort() {
        end();
        client.close();
        server.close();
    }

    /**
     * "shutdown session", or its server marked down: both connections are closed. No analyser
     * sets a phase in a tunnel, so haproxy logs "K-" ("D-", "U-"), as in TCP mode.
     */
    void kill(TermState.Cause why) {
        endAs(why, TermState.Phase.NONE);
        abort();
    }
}
