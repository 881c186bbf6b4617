package org.jhaproxy.runtime.action;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.config.sample.SampleType;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleCompiler;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.stream.SessionAddresses;

/**
 * "set-src", "set-src-port", "set-dst", "set-dst-port" of tcp-request connection|content and
 * http-request (manual 4.2, tcp_act.c): the expression's address replaces the address and keeps
 * its port, or its integer replaces the port (an address that was not IP becomes 0.0.0.0). A
 * connection rule changes the session's addresses, which every later stream starts from; a
 * content or http-request rule only the stream's copy. A sample that cannot be had changes
 * nothing. The fetches, the logs and a server without an address see the new ones.
 */
final class AddressActions {
    static final Set<String> NAMES = Set.of("set-src", "set-src-port", "set-dst", "set-dst-port");

    private AddressActions() {
    }

    static boolean is(String action) {
        return NAMES.contains(action);
    }

    static Consumer<SampleContext> compile(List<String> w, CompileScope scope) throws NotSupported {
        String action = w.get(0);
        CompiledSample expr;
        try {
            SampleExprParser p = new SampleExprParser(SampleRegistry.standard(), Path::of);
            expr = SampleCompiler.compile(p.parse(w, 1).expr(), scope);
        } catch (ExprError e) {
            throw new NotSupported(action + " expression: " + e.getMessage());
        }
        boolean source = action.startsWith("set-src");
        boolean port = action.endsWith("-port");
        return c -> {
            Sample s = expr.eval(c);
            s = s == null ? null : CompiledSample.cast(s, port ? SampleType.SINT : SampleType.ADDR);
            if (s == null) {
                return;
            }
            InetSocketAddress now = source ? c.src() : c.dst();
            InetSocketAddress next = port ? withPort(now, s.asLong()) : withAddress(now, s.asAddress());
            if (source) {
                c.src(next);
            } else {
                c.dst(next);
            }
            SessionAddresses session = c.session();
            if (session != null) {
                if (source) {
                    session.src(next);
                } else {
                    session.dst(next);
                }
            }
        };
    }

    static HttpAction http(List<String> w, CompileScope scope) throws NotSupported {
        Consumer<SampleContext> a = compile(w, scope);
        return (c, msg) -> {
            a.accept(c);
            return null;
        };
    }

    private static InetSocketAddress withAddress(InetSocketAddress now, InetAddress ip) {
        return new InetSocketAddress(ip, now == null ? 0 : now.getPort());
    }

    private static InetSocketAddress withPort(InetSocketAddress now, long port) {
        int p = (int) (port & 0xffff);
        if (now == null) {
            return new InetSocketAddress(anyV4(), p);
        }
        return new InetSocketAddress(now.getAddress(), p);
    }

    private static InetAddress anyV4() {
        try {
            return InetAddress.getByAddress(new byte[4]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
