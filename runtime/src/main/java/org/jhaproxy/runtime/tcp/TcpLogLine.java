package org.jhaproxy.runtime.tcp;

import io.netty.channel.Channel;
import org.jhaproxy.runtime.log.StreamLog;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.stream.ByteCounter;
import org.jhaproxy.runtime.stream.ServerConnector;

/** What a TCP stream's log line says of it at its end ("option tcplog", configuration.txt 8.2.2). */
final class TcpLogLine {
    private TcpLogLine() {
    }

    /**
     * Fills the bytes, the backend (the one the rules chose, connected to or not), the retries,
     * the queue and the server's connections, and the end time.
     */
    static void complete(StreamLog log, Channel client, Proxy backend, ServerConnector connector, Server target) {
        ByteCounter bytes = client.pipeline().get(ByteCounter.class);
        if (bytes != null) {
            log.bytesIn = bytes.received();
            log.bytesOut = bytes.sent();
        }
        if (backend != null) {
            log.backend = backend.name();
        }
        if (connector != null) {
            log.retries = Math.min(connector.retries(), backend.retries());
            log.redispatched = connector.redispatched();
            connector.logQueue(log);
        }
        log.serverConns = target == null ? 0 : target.currentConns();
        log.closed();
    }
}
