package org.jhaproxy.runtime.fcgi;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.model.FcgiAppConfig;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.log.Syslog;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.server.Server;

/** The FastCGI application of each backend with a "use-fcgi-app" line, ready at start. */
public final class FcgiApps {
    private final Map<Proxy, FcgiApp> byBackend = new HashMap<>();

    private FcgiApps() {
    }

    /** Compiles each backend's application and opens the targets of its "log-stderr" lines. */
    public static FcgiApps start(Config config, Proxies proxies, Syslog syslog) throws IOException, NotSupported {
        FcgiApps apps = new FcgiApps();
        for (Proxy p : proxies.all()) {
            Line use = p.config().isBackend() ? p.config().last("use-fcgi-app") : null;
            FcgiAppConfig c = use == null ? null : config.fcgiApps().get(use.arg(1));
            if (c != null) {
                apps.byBackend.put(p, new FcgiApp(c, new CompileScope(p, proxies), syslog, syslog.open(c.stderrTargets())));
            }
        }
        return apps;
    }

    /**
     * The application {@code server} speaks FastCGI to, null for a server that speaks HTTP/1
     * ("proto fcgi" selects the FCGI multiplexer; the backend's fcgi-app says what to send).
     */
    public FcgiApp of(Server server) {
        String proto = server.config().options().get("proto");
        return "fcgi".equals(proto) ? byBackend.get(server.backend()) : null;
    }
}
