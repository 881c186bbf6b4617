package org.jhaproxy.runtime.ssl;

import io.netty.channel.Channel;
import io.netty.handler.ssl.ReferenceCountedOpenSslEngine;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AttributeKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What a client's TLS connection established, noted once its handshake is done (the engine is
 * gone by the time a log line is written): what the ssl_fc_* and ssl_c_* fetches and the
 * %sslv / %sslc log variables read. Names are OpenSSL's, as haproxy reports them.
 */
public record ClientTls(String sni, String protocol, String cipher, String alpn, X509Certificate clientCert,
                        X509Certificate localCert) {
    private static final AttributeKey<ClientTls> KEY = AttributeKey.valueOf("jhaproxy.client-tls");
    private static final AttributeKey<String> SNI = AttributeKey.valueOf("jhaproxy.client-sni");

    /** The connection's TLS facts, null on a plain connection. */
    public static ClientTls of(Channel ch) {
        return ch == null ? null : ch.attr(KEY).get();
    }

    /** The server name of the client's hello, known before the handshake. */
    static void requestedName(Channel ch, String name) {
        ch.attr(SNI).set(name);
    }

    /** Notes the facts of a finished handshake on its channel. */
    static ClientTls established(Channel ch, SslHandler h) {
        SSLEngine engine = h.engine();
        SSLSession session = engine.getSession();
        String protocol = session.getProtocol();
        String cipher = session.getCipherSuite();
        if (engine instanceof ReferenceCountedOpenSslEngine openssl) {
            @SuppressWarnings("deprecation")
            long ssl = openssl.sslPointer();
            cipher = io.netty.internal.tcnative.SSL.getCipherForSSL(ssl);
            protocol = io.netty.internal.tcnative.SSL.getVersion(ssl);
        }
        X509Certificate peer = null;
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate x) {
                peer = x;
            }
        } catch (SSLPeerUnverifiedException none) {
            // no client certificate
        }
        // the certificate the frontend presented (SSL_get_certificate()): "proxy-v2-options cert-key,cert-sig"
        Certificate[] local = session.getLocalCertificates();
        X509Certificate own = local != null && local.length > 0 && local[0] instanceof X509Certificate x ? x : null;
        ClientTls t = new ClientTls(ch.attr(SNI).get(), protocol, cipher, h.applicationProtocol(), peer, own);
        ch.attr(KEY).set(t);
        return t;
    }

    /** A distinguished name as haproxy prints it by default: "/C=FR/O=Example/CN=name", in certificate order. */
    public static String oneLine(javax.security.auth.x500.X500Principal name) {
        String rfc = name.getName(javax.security.auth.x500.X500Principal.RFC2253,
                java.util.Map.of("1.2.840.113549.1.9.1", "emailAddress"));
        StringBuilder sb = new StringBuilder();
        try {
            for (javax.naming.ldap.Rdn r : new javax.naming.ldap.LdapName(rfc).getRdns()) {
                sb.append('/').append(r.getType()).append('=').append(r.getValue());
            }
        } catch (javax.naming.InvalidNameException e) {
            return rfc;
        }
        return sb.toString();
    }
}
