package org.jhaproxy.runtime.ssl;

import org.jhaproxy.config.model.Config;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.server.Server;

/** Prepares every server's TLS at start (haproxy's ssl_sock_prepare_srv_ctx() for each server). */
public final class SslSetup {
    private SslSetup() {
    }

    /** Gives each server using TLS its context; the message names the first server that cannot have it. */
    public static void prepareServers(Config config, Proxies proxies) throws SslSetupException, NotSupported {
        for (Proxy p : proxies.all()) {
            for (Server s : p.servers()) {
                try {
                    s.ssl(ServerSsl.of(s.config(), p, config, proxies));
                } catch (SslSetupException e) {
                    throw new SslSetupException(String.format("Proxy '%s', server '%s' [%s:%d] : %s.", p.name(), s.name(),
                            s.config().at().file(), s.config().at().line(), e.getMessage()));
                }
            }
        }
    }
}
