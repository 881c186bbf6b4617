package org.jhaproxy.runtime.sample;

import java.util.Map;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * nbsrv and srv_queue (configuration.txt 7.3.1): the input names a backend, or a server as
 * "backend/server" (or a server of the rule's own backend); no value for an unknown name.
 */
final class ProxyConverters {
    private ProxyConverters() {
    }

    static void register(Map<String, Converters.Factory> m) {
        m.put("nbsrv", (a, s) -> (in, c) -> {
            Proxy be = s.proxies().backend((String) in.value());
            return be == null ? null : Sample.sint(Fetches.usableServers(be));
        });
        m.put("srv_queue", (a, s) -> (in, c) -> {
            String name = (String) in.value();
            int slash = name.indexOf('/');
            Proxy be;
            if (slash >= 0) {
                be = s.proxies().backend(name.substring(0, slash));
                name = name.substring(slash + 1);
            } else {
                be = s.proxy() != null && s.proxy().config().isBackend() ? s.proxy() : null;
            }
            Server srv = be == null ? null : be.server(name);
            return srv == null ? null : Sample.sint(srv.queue().length());
        });
    }
}
