package org.jhaproxy.runtime.sample;

import java.nio.file.Path;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;

/** What compiling a rule may refer to: the proxy it belongs to, the others, and its files. */
public record CompileScope(Proxy proxy, Proxies proxies) {
    /** A file named in the configuration (map, pattern file): relative to the working directory, as haproxy opens it. */
    public Path file(String name) {
        return Path.of(name);
    }
}
