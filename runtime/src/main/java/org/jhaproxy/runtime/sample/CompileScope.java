package org.jhaproxy.runtime.sample;

import java.nio.file.Path;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.runtime.acl.PatternReferences;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * What compiling a rule may refer to: the proxy it belongs to, the others, and its files; and
 * the line being compiled ({@code at}, null when unknown), which maps and pattern files are
 * said to be used by. {@code deferred}: haproxy reads that line's expressions only after the
 * whole configuration (a dynamic use_backend), which orders the pattern references.
 */
public record CompileScope(Proxy proxy, Proxies proxies, Position at, boolean deferred) {
    public CompileScope(Proxy proxy, Proxies proxies) {
        this(proxy, proxies, null, false);
    }

    /** This scope compiling line {@code pos}. */
    public CompileScope at(Position pos) {
        return new CompileScope(proxy, proxies, pos, false);
    }

    /** This scope compiling line {@code pos} at the end of the configuration check. */
    public CompileScope deferredAt(Position pos) {
        return new CompileScope(proxy, proxies, pos, true);
    }

    /** The pattern references (maps, pattern files) every rule of the configuration shares. */
    public PatternReferences patterns() {
        return proxies.patterns();
    }

    /** A file named in the configuration (map, pattern file): relative to the working directory, as haproxy opens it. */
    public Path file(String name) {
        return Path.of(name);
    }
}
