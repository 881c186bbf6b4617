package org.jhaproxy.runtime.persist;

import io.netty.handler.codec.http.HttpHeaders;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * "http-send-name-header" (manual 4.2): when the request leaves for a server, the header it
 * names is replaced by the server's name, written last (after the Connection header, as the
 * H1 mux appends it once the other headers are out).
 */
public final class ServerName {
    private ServerName() {
    }

    public static void apply(Proxy backend, Server server, HttpHeaders headers) {
        String name = backend.persist().nameHeader();
        if (name == null) {
            return;
        }
        headers.remove(name);
        headers.add(name, server.name());
    }
}
