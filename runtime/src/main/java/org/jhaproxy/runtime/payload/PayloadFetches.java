package org.jhaproxy.runtime.payload;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jhaproxy.config.sample.SampleArg;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.Fetch;
import org.jhaproxy.runtime.sample.Fetches;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The fetches reading a TCP stream's request buffer (configuration.txt 7.3.5, payload.c):
 * wait_end, req.len and the TLS ClientHello ones. While "tcp-request content" rules wait
 * for data (inspect-delay), a fetch whose answer more data may change says so, and a rule
 * depending on it waits; once the rules decide, the same fetch answers with what is there.
 * Outside a TCP stream (connection rules, HTTP streams) there is no buffer and no value.
 */
public final class PayloadFetches {
    private PayloadFetches() {
    }

    public static void register(Map<String, Fetches.Factory> m) {
        m.put("wait_end", tcpOnly("wait_end", c -> {
            // true only once the rules are final (the delay expired, the client closed or the buffer is full)
            if (c.partial()) {
                c.sampleMayChange();
                return null;
            }
            return Sample.TRUE;
        }));
        Fetches.Factory len = tcpOnly("req.len", c -> {
            RequestBuffer b = c.requestBuffer();
            if (b == null) {
                return null;
            }
            c.sampleMayChange();
            return Sample.sint(b.length());
        });
        m.put("req.len", len);
        m.put("req_len", len);
        hello(m, "req.ssl_hello_type", ClientHello::helloType, v -> Sample.sint((Long) v));
        hello(m, "req_ssl_hello_type", ClientHello::helloType, v -> Sample.sint((Long) v));
        hello(m, "req.ssl_ver", ClientHello::version, v -> Sample.sint((Long) v));
        hello(m, "req_ssl_ver", ClientHello::version, v -> Sample.sint((Long) v));
        hello(m, "req.ssl_sni", ClientHello::serverName, v -> Sample.str((String) v));
        hello(m, "req_ssl_sni", ClientHello::serverName, v -> Sample.str((String) v));
        hello(m, "req.ssl_ec_ext", ClientHello::ellipticCurves, v -> Sample.TRUE);
        hello(m, "req.ssl_st_ext", ClientHello::sessionTicket, v -> Sample.sint((Long) v));
        m.put("req.ssl_alpn", (a, s) -> new Alpn());
        PayloadBlocks.register(m);
        RdpCookie.register(m);
    }

    /**
     * In an HTTP proxy haproxy's rules see the HTX buffer, whose length and end of inspection
     * jhaproxy does not model yet: refused there rather than answered differently.
     */
    private static Fetches.Factory tcpOnly(String name, Fetch f) {
        return (List<SampleArg> a, CompileScope s) -> {
            if (s.proxy() != null && s.proxy().isHttp()) {
                throw new NotSupported("sample fetch '" + name + "' in a 'mode http' proxy is not supported by jhaproxy yet.");
            }
            return f;
        };
    }

    private static void hello(Map<String, Fetches.Factory> m, String name, Function<RequestBuffer, ClientHello.Reading> read,
                              Function<Object, Sample> sample) {
        m.put(name, (a, s) -> c -> {
            ClientHello.Reading r = reading(c, read);
            return r == null || r.value() == null ? null : sample.apply(r.value());
        });
    }

    /** The reading of the stream's buffer; null without one. A reading more data may change is flagged so. */
    private static ClientHello.Reading reading(SampleContext c, Function<RequestBuffer, ClientHello.Reading> read) {
        RequestBuffer b = c.requestBuffer();
        if (b == null) {
            return null;
        }
        ClientHello.Reading r = read.apply(b);
        if (r.mayChange()) {
            c.sampleMayChange();
        }
        return r;
    }

    /** req.ssl_alpn: the first name offered; an ACL tries each in turn (SMP_F_NOT_LAST). */
    private static final class Alpn implements Fetch {
        @Override
        public Sample fetch(SampleContext c) {
            List<?> names = names(c);
            return names == null ? null : Sample.str((String) names.get(0));
        }

        @Override
        public boolean anyMatch(SampleContext c, Predicate<Sample> test) {
            List<?> names = names(c);
            if (names != null) {
                for (Object n : names) {
                    if (test.test(Sample.str((String) n))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static List<?> names(SampleContext c) {
            ClientHello.Reading r = reading(c, ClientHello::alpn);
            return r == null || r.value() == null ? null : (List<?>) r.value();
        }
    }
}
