package org.jhaproxy.runtime.ssl;

import java.util.Map;
import java.util.function.Function;
import org.jhaproxy.runtime.sample.Fetches;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;

/**
 * The layer 5 fetches of the client connection (configuration.txt 7.3.4). On a plain
 * connection "ssl_fc" is false and the others find nothing (haproxy: no SSL object, no
 * sample); a field the handshake did not set (no SNI, no ALPN, no certificate) finds nothing.
 */
public final class SslFetches {
    private SslFetches() {
    }

    public static void register(Map<String, Fetches.Factory> m) {
        m.put("ssl_fc", (a, s) -> c -> Sample.bool(c.tls() != null));
        m.put("ssl_fc_has_sni", (a, s) -> c -> c.tls() == null ? null : Sample.bool(c.tls().sni() != null));
        text(m, "ssl_fc_sni", ClientTls::sni);
        text(m, "ssl_fc_protocol", ClientTls::protocol);
        text(m, "ssl_fc_cipher", ClientTls::cipher);
        text(m, "ssl_fc_alpn", t -> t.alpn() == null || t.alpn().isEmpty() ? null : t.alpn());
        m.put("ssl_c_used", (a, s) -> c -> c.tls() == null ? null : Sample.bool(c.tls().clientCert() != null));
        m.put("ssl_fc_has_crt", (a, s) -> c -> c.tls() == null ? null : Sample.bool(c.tls().clientCert() != null));
        // a handshake that verified a certificate (or asked none) ends with X509_V_OK; others fail
        m.put("ssl_c_verify", (a, s) -> c -> c.tls() == null ? null : Sample.sint(0));
        m.put("ssl_c_s_dn", (a, s) -> dn(a, t -> t.getSubjectX500Principal()));
        m.put("ssl_c_i_dn", (a, s) -> dn(a, t -> t.getIssuerX500Principal()));
    }

    private static void text(Map<String, Fetches.Factory> m, String name, Function<ClientTls, String> field) {
        m.put(name, (a, s) -> c -> {
            String v = c.tls() == null ? null : field.apply(c.tls());
            return v == null ? null : Sample.str(v);
        });
    }

    private static org.jhaproxy.runtime.sample.Fetch dn(java.util.List<org.jhaproxy.config.sample.SampleArg> args,
            Function<java.security.cert.X509Certificate, javax.security.auth.x500.X500Principal> name) throws NotSupported {
        if (!args.isEmpty() && !args.get(0).text().isEmpty()) {
            throw new NotSupported("ssl_c_s_dn/ssl_c_i_dn with arguments (an entry, an occurrence, a format) is not supported by jhaproxy yet.");
        }
        return c -> c.tls() == null || c.tls().clientCert() == null ? null
                : Sample.str(ClientTls.oneLine(name.apply(c.tls().clientCert())));
    }
}
