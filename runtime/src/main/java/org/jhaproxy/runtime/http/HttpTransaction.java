package org.jhaproxy.runtime.http;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.runtime.lb.LbRequest;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.stream.ServerConnector;

/**
 * One HTTP request and its response (HAProxy's http_txn within a stream): picks the backend and
 * the server, reuses an idle server connection where "http-reuse" allows, forwards the request
 * and the response part by part, and answers with haproxy's error responses when it must.
 */
final class HttpTransaction implements LbRequest, ServerConnector.Callback {
    private static final int MAX_QUEUED_PARTS = 64;

    private final HttpStream stream;
    private final HttpRequest request;
    private final boolean firstOfSession;
    private final ArrayDeque<HttpContent> queued = new ArrayDeque<>();
    private Proxy backend;
    private ConnectionMode mode;
    private ServerConnector connector;
    private Channel serverCh;
    private ServerSide serverSide;
    private Server server;
    private boolean requestDone;
    private boolean responseStarted;
    private boolean responseDone;
    private boolean keepClient;
    private boolean ended;
    private ScheduledFuture<?> serverTimeout;

    HttpTransaction(HttpStream stream, HttpRequest request, boolean firstOfSession) {
        this.stream = stream;
        this.request = request;
        this.firstOfSession = firstOfSession;
    }

    @Override
    public InetSocketAddress source() {
        return (InetSocketAddress) stream.client().remoteAddress();
    }

    @Override
    public String uri() {
        return request.uri();
    }

    @Override
    public String header(String name) {
        return request.headers().get(name);
    }

    void start() {
        if (request.decoderResult().isFailure()) {
            requestDone = true;
            fail(400);
            return;
        }
        if (request instanceof LastHttpContent) {
            requestDone = true;
        }
        backend = stream.frontend().defaultBackend();
        if (backend == null) {
            fail(503);
            return;
        }
        mode = ConnectionMode.of(stream.frontend(), backend);
        backend.backendConnection();
        connector = stream.connector(backend, this);
        if (mayReuse()) {
            EventLoop loop = stream.client().eventLoop();
            connector.reuse(s -> {
                Channel idle = s.idle().take(loop);
                if (idle != null) {
                    idle.config().setAutoRead(false);
                }
                return idle;
            });
        }
        connector.start();
    }

    /** "http-reuse": never, safe (not for a session's first request), aggressive and always. */
    private boolean mayReuse() {
        org.jhaproxy.config.source.Line l = backend.config().last("http-reuse");
        String policy = l == null ? "safe" : l.arg(1);
        return switch (policy) {
            case "never" -> false;
            case "safe" -> !firstOfSession;
            default -> true;
        };
    }

    @Override
    public void connected(Channel ch, Server s) {
        connector = null;
        if (ended) {
            s.connectionReleased();
            ch.close();
            return;
        }
        serverCh = ch;
        server = s;
        serverSide = ch.pipeline().get(ServerSide.class);
        serverSide.owner(stream);
        HttpRequest head = MessageHeads.forServer(request);
        if (mode.closesServer()) {
            if (!request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
                head.headers().add(HttpHeaderNames.CONNECTION, "close");
            }
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            head.headers().add(HttpHeaderNames.CONNECTION, "keep-alive");
        }
        serverCh.write(head);
        HttpContent part;
        while ((part = queued.poll()) != null) {
            serverCh.write(part);
        }
        if (request instanceof LastHttpContent) {
            serverCh.write(LastHttpContent.EMPTY_LAST_CONTENT);
        }
        serverCh.flush();
        armServerTimeout();
        serverCh.read();
        stream.readMoreIfWanted();
    }

    @Override
    public void failed(ServerConnector.Failure failure, Server last) {
        connector = null;
        fail(failure == ServerConnector.Failure.CONNECT_TIMEOUT ? 503 : 503);
    }

    boolean acceptsRequestPart() {
        return !requestDone;
    }

    void requestPart(HttpContent part) {
        if (part instanceof LastHttpContent) {
            requestDone = true;
        }
        if (ended) {
            ReferenceCountUtil.release(part);
            return;
        }
        if (serverCh != null) {
            serverCh.write(part);
        } else {
            queued.add(part);
        }
    }

    void flushRequest() {
        if (serverCh != null) {
            serverCh.flush();
        }
    }

    /** More of the request body is wanted: the server side can take it. */
    boolean wantsMoreRequest() {
        if (requestDone || ended) {
            return false;
        }
        return serverCh == null ? queued.size() < MAX_QUEUED_PARTS : serverCh.isWritable();
    }

    void responsePart(Object msg) {
        if (ended) {
            ReferenceCountUtil.release(msg);
            return;
        }
        Channel client = stream.client();
        if (msg instanceof HttpResponse res) {
            if (res.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                closeServer();
                fail(502);
                return;
            }
            if (res.status().code() >= 100 && res.status().code() < 200 && res.status().code() != 101) {
                // an interim response goes to the client as is; the final one follows
                client.write(MessageHeads.forClient(res, request.protocolVersion()));
                informational = true;
                ReferenceCountUtil.release(msg);
                return;
            }
            responseStarted = true;
            keepClient = clientKeepAlive(res);
            HttpResponse head = MessageHeads.forClient(res, request.protocolVersion());
            boolean http10 = request.protocolVersion().equals(HttpVersion.HTTP_1_0);
            if (!keepClient) {
                head.headers().add(HttpHeaderNames.CONNECTION, "close");
            } else if (keepClient && http10) {
                head.headers().add(HttpHeaderNames.CONNECTION, "keep-alive");
            }
            serverKeep = !mode.closesServer() && ConnectionMode.wantsKeepAlive(res) && lengthKnown(res);
            client.write(head);
            if (msg instanceof HttpContent c) {
                writeResponseContent(c);
            }
            return;
        }
        if (informational) {
            // the empty end Netty's decoder gives an interim response
            informational = false;
            ReferenceCountUtil.release(msg);
            return;
        }
        writeResponseContent((HttpContent) msg);
    }

    private boolean informational;
    private boolean serverKeep;

    private void writeResponseContent(HttpContent c) {
        stream.client().write(c);
        if (c instanceof LastHttpContent) {
            responseDone = true;
            stream.client().flush();
            finish();
        }
    }

    void responseReadComplete() {
        if (ended) {
            return;
        }
        stream.client().flush();
        if (stream.client().isWritable() && serverCh != null) {
            serverCh.read();
        }
        armServerTimeout();
    }

    void clientWritabilityChanged() {
        if (!ended && serverCh != null && stream.client().isWritable()) {
            serverCh.read();
        }
        stream.readMoreIfWanted();
    }

    /** The server closed its connection: a response cut short ends the client connection too. */
    void serverClosed() {
        serverCh = null;
        if (ended) {
            return;
        }
        if (!responseStarted) {
            fail(502);
            return;
        }
        ended = true;
        release();
        stream.transactionEnded(false);
    }

    void clientClosed() {
        ended = true;
        if (connector != null) {
            connector.abandon();
        }
        releaseQueued();
        closeServer();
        release();
    }

    private boolean clientKeepAlive(HttpResponse res) {
        return ConnectionMode.wantsKeepAlive(request) && !mode.closesClient() && requestDone && lengthKnown(res);
    }

    /** The response's end is known without closing the connection. */
    private boolean lengthKnown(HttpResponse res) {
        int code = res.status().code();
        return request.method().equals(HttpMethod.HEAD) || code == 204 || code == 304
                || HttpUtil.isContentLengthSet(res) || HttpUtil.isTransferEncodingChunked(res);
    }

    private void finish() {
        ended = true;
        cancelServerTimeout();
        if (serverCh != null) {
            Channel ch = serverCh;
            serverSide.owner(null);
            serverCh = null;
            if (serverKeep && requestDone && ch.isActive()) {
                ch.config().setAutoRead(true);
                server.idle().put(ch);
            } else {
                ch.close();
            }
        }
        release();
        stream.transactionEnded(keepClient);
    }

    /** Answers with a built-in error, if nothing of the response was sent yet, and ends the transaction. */
    private void fail(int status) {
        ended = true;
        cancelServerTimeout();
        releaseQueued();
        closeServer();
        release();
        if (!responseStarted) {
            stream.writeRaw(HttpErrors.response(status));
        }
        boolean keep = status != 400 && status != 408 && requestDone && ConnectionMode.wantsKeepAlive(request)
                && (mode == null || !mode.closesClient());
        stream.client().flush();
        stream.transactionEnded(keep && !responseStarted);
    }

    private void closeServer() {
        if (serverCh != null) {
            serverSide.owner(null);
            serverCh.close();
            serverCh = null;
        }
    }

    private void release() {
        if (server != null) {
            server.connectionReleased();
            server = null;
        }
    }

    private void releaseQueued() {
        HttpContent c;
        while ((c = queued.poll()) != null) {
            ReferenceCountUtil.release(c);
        }
    }

    /** "timeout server": the server must answer (and go on answering) within it, else 504. */
    private void armServerTimeout() {
        cancelServerTimeout();
        long ms = backend == null ? 0 : backend.timeouts().server();
        if (ms > 0 && !ended) {
            serverTimeout = stream.client().eventLoop().schedule(() -> {
                serverTimeout = null;
                if (!ended) {
                    fail(504);
                }
            }, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void cancelServerTimeout() {
        if (serverTimeout != null) {
            serverTimeout.cancel(false);
            serverTimeout = null;
        }
    }
}
