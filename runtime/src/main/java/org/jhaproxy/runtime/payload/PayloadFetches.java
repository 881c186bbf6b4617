package org.jhaproxy.runtime.payload;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jhaproxy.runtime.sample.Fetch;
import org.jhaproxy.runtime.sample.Fetches;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The fetches reading a stream's request buffer (configuration.txt 7.3.5, payload.c): wait_end,
 * req.len, the TLS ClientHello ones, the payload blocks and the RDP cookie. While "tcp-request
 * content" rules wait for data (inspect-delay), a fetch whose answer more data may change says
 * so, and a rule depending on it waits; once the rules decide, the same fetch answers with what
 * is there. An HTTP stream's buffer holds HTX: req.len gives its size, wait_end works the same,
 * the others find nothing. Outside a stream (connection rules) there is no buffer and no value.
 */
public final class PayloadFetches {
    private PayloadFetches() {
    }

    public static void register(Map<String, Fetches.Factory> m) {
        m.put("wait_end", (a, s) -> c -> {
            // true only once the rules are final (the delay expired, the client closed, the buffer
            // is full, or the HTTP request is whole)
            if (c.partial()) {
                c.sampleMayChange();
                return null;
            }
            return Sample.TRUE;
        });
        Fetches.Factory len = (a, s) -> c -> {
            RequestBuffer b = c.requestBuffer();
            if (b != null) {
                c.sampleMayChange();
                return Sample.sint(b.length());
            }
            if (c.requestBody() != null) {
                // an HTTP stream's buffer holds the request as HTX: its blocks' size
                c.sampleMayChange();
                return Sample.sint(c.requestBody().htxLength());
            }
            return null;
        };
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

    private static void hello(Map<String, Fetches.Factory> m, String name, Function<RequestBuffer, Reading> read,
                              Function<Object, Sample> sample) {
        m.put(name, (a, s) -> c -> {
            Reading r = reading(c, read);
            return r == null || r.value() == null ? null : sample.apply(r.value());
        });
    }

    /** The reading of the stream's buffer; null without one. A reading more data may change is flagged so. */
    private static Reading reading(SampleContext c, Function<RequestBuffer, Reading> read) {
        RequestBuffer b = c.requestBuffer();
        if (b == null) {
            return null;
        }
        Reading r = read.apply(b);
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
            Reading r = reading(c, ClientHello::alpn);
            return r == null || r.value() == null ? null : (List<?>) r.value();
        }
    }
}
