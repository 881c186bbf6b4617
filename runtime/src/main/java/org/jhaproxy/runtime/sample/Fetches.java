package org.jhaproxy.runtime.sample;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.config.sample.SampleType;

/**
 * The sample fetches the runtime executes (configuration.txt section 7.3), by name as the
 * parser's registry spells them. Any other fetch refuses the start.
 */
public final class Fetches {
    /** Builds a fetch from its parsed arguments, once, at start-up. */
    @FunctionalInterface
    public interface Factory {
        Fetch create(List<SampleArg> args, CompileScope scope) throws NotSupported;
    }

    private static final Map<String, Factory> FACTORIES = new HashMap<>();

    static {
        // 7.3.1 internal states and constants
        add("always_true", (a, s) -> c -> Sample.TRUE);
        add("always_false", (a, s) -> c -> Sample.FALSE);
        add("int", (a, s) -> {
            Sample v = Sample.sint(org.jhaproxy.config.global.CNumber.atol(a.get(0).text()));
            return c -> v;
        });
        add("str", (a, s) -> {
            Sample v = Sample.str(a.get(0).text());
            return c -> v;
        });
        add("bool", (a, s) -> {
            // "true" or "1" (the parser refused anything else)
            String b = a.get(0).text();
            Sample v = Sample.bool(b.equals("true") || b.equals("1"));
            return c -> v;
        });
        // ipv4(addr), ipv6(addr): a constant address (the parser validated it)
        Factory ip = (a, s) -> {
            Sample v = Sample.addr(Addresses.parse(a.get(0).text()));
            return c -> v;
        };
        add("ipv4", ip);
        add("ipv6", ip);
        add("env", (a, s) -> {
            String name = a.get(0).text();
            return c -> {
                String v = System.getenv(name);
                return v == null ? null : Sample.str(v);
            };
        });
        add("rand", (a, s) -> {
            long range = a.isEmpty() || a.get(0).text().isEmpty() ? 0 : org.jhaproxy.config.global.CNumber.atol(a.get(0).text());
            return c -> {
                long r = java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 32);
                return Sample.sint(range > 0 ? (r * range) >>> 32 : r);
            };
        });
        add("uuid", (a, s) -> c -> Sample.str(java.util.UUID.randomUUID().toString()));
        add("fe_name", (a, s) -> c -> Sample.str(c.frontend().name()));
        add("be_name", (a, s) -> c -> c.backendAssigned() || c.frontend().config().isBackend() ? Sample.str(c.backend().name()) : null);
        add("unique-id", (a, s) -> c -> {
            String id = org.jhaproxy.runtime.log.UniqueId.of(c);
            return id == null ? null : Sample.str(id);
        });
        add("var", (a, s) -> {
            VarRef ref = VarRef.parse(a.get(0).text());
            Sample dflt = a.size() > 1 && !a.get(1).text().isEmpty() ? Sample.str(a.get(1).text()) : null;
            return c -> {
                Sample v = ref.get(c);
                return v != null ? v : dflt;
            };
        });
        // 7.3.2 the process, the proxies and the servers
        InternalFetches.register(FACTORIES);
        ProxyFetches.register(FACTORIES);
        ServerFetches.register(FACTORIES);
        // 7.3.3 layer 4: the client connection
        add("src", (a, s) -> c -> Sample.addr(c.src().getAddress()));
        add("src_port", (a, s) -> c -> Sample.sint(c.src().getPort()));
        add("dst", (a, s) -> c -> Sample.addr(c.dst().getAddress()));
        add("dst_port", (a, s) -> c -> Sample.sint(c.dst().getPort()));
        ConnectionFetches.register(FACTORIES);
        // 7.3.4 layer 5: the client connection's TLS
        org.jhaproxy.runtime.ssl.SslFetches.register(FACTORIES);
        // 7.3.5 layer 6: the request buffer of a TCP stream
        org.jhaproxy.runtime.payload.PayloadFetches.register(FACTORIES);
        // 7.3.6 layer 7: HTTP
        HttpFetches.register(FACTORIES);
        HttpMessageFetches.register(FACTORIES);
        CookieFetches.register(FACTORIES);
        BodyFetches.register(FACTORIES);
        org.jhaproxy.runtime.auth.AuthFetches.register(FACTORIES);
        UrlAddress.register(FACTORIES);
        org.jhaproxy.runtime.stick.StickFetches.register(FACTORIES);
        org.jhaproxy.runtime.comp.CompFetches.register(FACTORIES);
    }

    private Fetches() {
    }

    private static void add(String name, Factory f) {
        FACTORIES.put(name, f);
    }

    /** The names of the fetches the runtime executes (-dK lists only those). */
    public static java.util.Set<String> names() {
        return java.util.Set.copyOf(FACTORIES.keySet());
    }

    /** The fetch, compiled, or the reason it cannot be. */
    public static Fetch create(String name, List<SampleArg> args, CompileScope scope) throws NotSupported {
        Factory f = FACTORIES.get(name);
        if (f == null) {
            throw new NotSupported("sample fetch '" + name + "' is not supported by jhaproxy yet.");
        }
        return f.create(args, scope);
    }

    /** be_usable_srv(): what nbsrv says of a backend (the fetch and the converter). */
    static long usableServers(org.jhaproxy.runtime.proxy.Proxy be) {
        return ProxyFetches.usableServers(be);
    }

    static Sample typed(SampleType t, Object v) {
        return new Sample(t, v);
    }
}
