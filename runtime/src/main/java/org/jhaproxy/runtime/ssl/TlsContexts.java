package org.jhaproxy.runtime.ssl;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.OpenSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;

/**
 * Netty SSL contexts for binds and servers. BoringSSL (netty-tcnative) is used when it loads,
 * as haproxy uses OpenSSL: the cipher strings of a configuration ("ECDHE-RSA-AES128-GCM-SHA256:
 * HIGH:!aNULL") are handed to it as they are. Without it the JDK's provider serves, and only
 * configurations without cipher strings can start.
 */
final class TlsContexts {
    /** The TLS 1.3 suites BoringSSL always enables, in no configurable order. */
    private static final Set<String> BORINGSSL_TLS13 = Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");

    private TlsContexts() {
    }

    static boolean openSsl() {
        return OpenSsl.isAvailable();
    }

    private static SslProvider provider() {
        return openSsl() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** A listener's context for one certificate; {@code clientCa} null unless client certificates are verified. */
    static SslContext server(PemFiles.KeyPair cert, TlsOptions o, X509Certificate[] clientCa) throws SslSetupException {
        SslContextBuilder b = SslContextBuilder.forServer(cert.key(), cert.chain()).sslProvider(provider());
        if (clientCa != null) {
            b.trustManager(clientCa).clientAuth("required".equals(o.verify) ? ClientAuth.REQUIRE : ClientAuth.OPTIONAL);
        }
        return build(b, o);
    }

    /** A server's context: {@code trusted} null when the server's certificate is not verified ("verify none"). */
    static SslContext client(TlsOptions o, X509Certificate[] trusted, PemFiles.KeyPair cert) throws SslSetupException {
        SslContextBuilder b = SslContextBuilder.forClient().sslProvider(provider());
        if (trusted == null) {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE);
        } else {
            b.trustManager(trusted);
        }
        if (cert != null) {
            b.keyManager(cert.key(), cert.chain());
        }
        return build(b, o);
    }

    private static SslContext build(SslContextBuilder b, TlsOptions o) throws SslSetupException {
        String[] protocols = o.protocols();
        if (protocols.length == 0) {
            throw new SslSetupException("all SSL/TLS versions are disabled");
        }
        b.protocols(protocols);
        if (o.alpn != null) {
            b.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, o.alpn));
        }
        if (o.ciphersuites != null && !Set.copyOf(List.of(o.ciphersuites.split(":"))).equals(BORINGSSL_TLS13)) {
            throw new SslSetupException("unable to set TLS 1.3 cipher suites to '" + o.ciphersuites
                    + "': jhaproxy's TLS library always offers " + String.join(":", BORINGSSL_TLS13.stream().sorted().toList()));
        }
        if (o.ciphers != null && !openSsl()) {
            throw new SslSetupException("unable to set SSL cipher list to '" + o.ciphers
                    + "': OpenSSL cipher strings need netty-tcnative, which did not load");
        }
        SslContext ctx;
        try {
            ctx = b.build();
        } catch (SSLException e) {
            throw new SslSetupException(e.getMessage());
        }
        if (o.ciphers != null) {
            ciphers((OpenSslContext) ctx, o.ciphers);
        }
        if (o.preferClientCiphers && ctx instanceof OpenSslContext openssl) {
            // haproxy sets the server's preference unless "prefer-client-ciphers"; Netty sets it too
            io.netty.internal.tcnative.SSLContext.clearOptions(nativeContext(openssl),
                    io.netty.internal.tcnative.SSL.SSL_OP_CIPHER_SERVER_PREFERENCE);
        }
        if (ctx.isServer()) {
            // tune.ssl.cachesize (sessions kept) and tune.ssl.lifetime (seconds), haproxy's defaults 20000 and 300
            ctx.sessionContext().setSessionCacheSize(o.cacheSize);
            ctx.sessionContext().setSessionTimeout(o.lifetime);
        }
        return ctx;
    }

    /**
     * netty-tcnative's context handle, which its SSLContext functions take. Netty keeps it in a
     * protected field and offers no setter for an OpenSSL cipher string (its ciphers() takes
     * single suite names only, not "HIGH:!aNULL"), hence the reflection, done once at start.
     */
    private static long nativeContext(OpenSslContext ctx) throws SslSetupException {
        try {
            java.lang.reflect.Field f = io.netty.handler.ssl.ReferenceCountedOpenSslContext.class.getDeclaredField("ctx");
            f.setAccessible(true);
            return f.getLong(ctx);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new SslSetupException("cannot reach the TLS library's context: " + e);
        }
    }

    /** SSL_CTX_set_cipher_list() with the configuration's string, as haproxy calls it. */
    private static void ciphers(OpenSslContext ctx, String ciphers) throws SslSetupException {
        boolean ok;
        try {
            ok = io.netty.internal.tcnative.SSLContext.setCipherSuite(nativeContext(ctx), ciphers, false);
        } catch (Exception e) {
            ok = false;
        }
        if (!ok) {
            throw new SslSetupException("unable to set SSL cipher list to '" + ciphers + "'");
        }
    }
}
