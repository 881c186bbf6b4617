package org.jhaproxy.runtime.ssl;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.model.ServerConfig;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.runtime.proxy.Proxies;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleCompiler;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * The TLS side of a server ("ssl", manual section 5.2): its context (versions, ciphers, ALPN,
 * "verify" with "ca-file", a client certificate "crt"), whether production traffic and health
 * checks use it, and the "sni" expression evaluated for each new connection.
 */
public final class ServerSsl {
    private final SslContext context;
    private final boolean traffic;
    private final boolean checks;
    private final CompiledSample sni;
    private final boolean verifyHost;

    private ServerSsl(SslContext context, boolean traffic, boolean checks, CompiledSample sni, boolean verifyHost) {
        this.context = context;
        this.traffic = traffic;
        this.checks = checks;
        this.sni = sni;
        this.verifyHost = verifyHost;
    }

    /** The server's TLS, or null when neither its traffic nor its checks use TLS. */
    static ServerSsl of(ServerConfig s, Proxy backend, Config config, Proxies proxies) throws SslSetupException, NotSupported {
        boolean traffic = s.has("ssl");
        // check.c's init_srv_check(): checks follow the traffic unless "port"/"addr" moved them
        boolean checks = s.has("check-ssl") || (traffic && !s.has("no-check-ssl") && !s.has("port") && !s.has("addr"));
        if (!traffic && !checks) {
            return null;
        }
        TlsOptions o = new TlsOptions();
        o.applyWords(globalWords(config, "ssl-default-server-options"));
        o.ciphers = globalValue(config, "ssl-default-server-ciphers");
        o.ciphersuites = globalValue(config, "ssl-default-server-ciphersuites");
        o.applyServer(s.options());
        if (o.alpn != null && o.alpn.stream().anyMatch(p -> !p.equals("http/1.1") && !p.equals("http/1.0"))) {
            throw new NotSupported("parsing [" + s.at().file() + ":" + s.at().line() + "] : server option 'alpn "
                    + String.join(",", o.alpn) + "' is not supported by jhaproxy yet (it speaks HTTP/1.1 to servers only).");
        }
        String verify = o.verify != null ? o.verify : globalValue(config, "ssl-server-verify");
        boolean verified = !"none".equals(verify);
        java.security.cert.X509Certificate[] trusted = null;
        PemFiles.KeyPair cert = null;
        try {
            if (verified && o.caFile != null) {
                trusted = PemFiles.certificates(file(config, "ca-base", o.caFile));
            } else if (verified) {
                throw new SslSetupException("verify is enabled but no CA file specified");
            }
            if (o.crt != null) {
                cert = PemFiles.keyPair(file(config, "crt-base", o.crt));
            }
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new SslSetupException(e.getMessage());
        }
        CompiledSample sni = null;
        if (o.sni != null) {
            try {
                sni = SampleCompiler.compile(new SampleExprParser(SampleRegistry.standard(), Path::of)
                        .parse(List.of(o.sni), 0).expr(), new CompileScope(backend, proxies).at(s.at()));
            } catch (ExprError e) {
                throw new SslSetupException("invalid sni expression '" + o.sni + "': " + e.getMessage());
            }
        }
        return new ServerSsl(TlsContexts.client(o, trusted, cert), traffic, checks, sni, verified);
    }

    /** A global setting's value ("ssl-default-server-ciphers x"), or null. */
    static String globalValue(Config config, String keyword) {
        List<String> w = globalWords(config, keyword);
        return w.isEmpty() || w.get(0).isEmpty() ? null : w.get(0);
    }

    /** The words after a global keyword (its last line), none when it is not set. */
    static List<String> globalWords(Config config, String keyword) {
        org.jhaproxy.config.source.Line l = config.globalLine(keyword);
        return l == null ? List.of() : l.args().subList(1, l.args().size());
    }

    /** A file under "ca-base" / "crt-base" unless its path is absolute. */
    static Path file(Config config, String base, String path) {
        String dir = globalValue(config, base);
        return Path.of(path.startsWith("/") || dir == null ? path : dir + "/" + path);
    }

    /** Production traffic to the server is TLS ("ssl"). */
    public boolean traffic() {
        return traffic;
    }

    /** Health checks are TLS ("check-ssl", or "ssl" without "port"/"addr"). */
    public boolean checks() {
        return checks;
    }

    /** Whether connections to the server differ by the name sent (a "sni" expression). */
    public boolean hasSni() {
        return sni != null;
    }

    /** The name to send for this stream's connection ("sni" evaluated), null for none. */
    public String sni(SampleContext c) {
        if (sni == null || c == null) {
            return null;
        }
        Sample v = sni.eval(c);
        return v == null || v.asString().isEmpty() ? null : v.asString();
    }

    /**
     * The handler of a new connection, sending {@code serverName} as SNI; with "verify required"
     * the certificate must also be for that name (haproxy checks it against the SNI).
     */
    public SslHandler newHandler(ByteBufAllocator alloc, String serverName, long handshakeTimeoutMs) {
        SslHandler h = serverName == null ? context.newHandler(alloc) : context.newHandler(alloc, serverName, -1);
        if (serverName != null && verifyHost) {
            SSLEngine engine = h.engine();
            SSLParameters p = engine.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(p);
        }
        h.setHandshakeTimeoutMillis(Math.max(0, handshakeTimeoutMs));
        return h;
    }
}
