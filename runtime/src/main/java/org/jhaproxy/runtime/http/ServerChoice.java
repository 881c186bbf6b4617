package org.jhaproxy.runtime.http;

import io.netty.channel.EventLoop;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.stream.ServerConnector;

/**
 * Where a request's server connection comes from (assign_server() and connect_server()'s reuse):
 * a server the persistence chose, else with "http-reuse never" the session's own connections
 * (and "option prefer-last-server" the server of one of them), else the balancer's choice over
 * the idle connections "http-reuse" lets the request share.
 */
final class ServerChoice {
    private ServerChoice() {
    }

    static void start(ServerConnector connector, HttpStream stream, Proxy backend, boolean firstOfSession, Server persisted) {
        Server preferred = null;
        HttpSettings.Reuse reuse = backend.http().reuse();
        if (reuse == HttpSettings.Reuse.NEVER) {
            // never shared: the session's own connection to the server, if it holds one
            SessionConnections own = stream.sessionConnections();
            connector.reuse(own::take);
            preferred = backend.http().preferLastServer() ? own.preferred(backend) : null;
        } else if (reuse.allows(firstOfSession)) {
            EventLoop loop = stream.client().eventLoop();
            connector.reuse(s -> s.idle().take(loop));
        }
        if (persisted != null) {
            connector.start(persisted);
        } else if (preferred != null) {
            connector.start(preferred);
        } else {
            connector.start();
        }
    }
}
