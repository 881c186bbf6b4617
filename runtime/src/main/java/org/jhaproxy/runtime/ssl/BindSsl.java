package org.jhaproxy.runtime.ssl;

import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.DomainWildcardMappingBuilder;
import io.netty.util.Mapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.model.Bind;
import org.jhaproxy.config.model.Config;

/**
 * The TLS side of a "bind ... ssl" line (manual section 5.1): its certificates ("crt" files
 * or directories, "crt-list"), each served to the clients asking for one of its names (SNI,
 * the first loaded one to the others), versions, ciphers, ALPN, and client certificate
 * verification ("verify" with "ca-file").
 */
public final class BindSsl {
    private final Mapping<String, SslContext> byName;
    private final long handshakeTimeoutMs;
    private final List<String> warnings;

    private BindSsl(Mapping<String, SslContext> byName, long handshakeTimeoutMs, List<String> warnings) {
        this.byName = byName;
        this.handshakeTimeoutMs = handshakeTimeoutMs;
        this.warnings = warnings;
    }

    /** What the start reports without failing (an HTTP/2 protocol dropped from "alpn"). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The bind's TLS, or null without "ssl". {@code http}: the frontend parses HTTP/1.1, so "h2"
     * cannot be offered in ALPN; {@code clientTimeoutMs}: the handshake runs under "timeout client".
     */
    public static BindSsl of(Bind b, Config config, boolean http, long clientTimeoutMs) throws SslSetupException {
        if (!b.ssl()) {
            return null;
        }
        String where = "bind '" + b.address() + "' at [" + b.at().file() + ":" + b.at().line() + "]";
        TlsOptions o = new TlsOptions();
        o.applyWords(ServerSsl.globalWords(config, "ssl-default-bind-options"));
        o.ciphers = ServerSsl.globalValue(config, "ssl-default-bind-ciphers");
        o.ciphersuites = ServerSsl.globalValue(config, "ssl-default-bind-ciphersuites");
        o.cacheSize = (int) config.globalNumber("tune.ssl.cachesize", 20000);
        String life = ServerSsl.globalValue(config, "tune.ssl.lifetime");
        if (life != null) {
            Long ms = org.jhaproxy.config.sample.Units.parseTime(life);
            o.lifetime = ms == null ? 300 : (int) Math.max(1, ms / 1000);
        }
        List<Path> certs = new ArrayList<>();
        Map<Path, List<String>> filters = new java.util.HashMap<>();
        List<String> w = b.options();
        for (int i = 0; i < w.size(); i++) {
            String word = w.get(i);
            Integer values = SslKeywords.BIND_OPTIONS.get(word);
            String value = values != null && values > 0 && i + 1 < w.size() ? w.get(i + 1) : "";
            if (word.equals("crt")) {
                certs.addAll(certificateFiles(ServerSsl.file(config, "crt-base", value)));
            } else if (word.equals("crt-list")) {
                CrtList.load(ServerSsl.file(config, "crt-base", value), config, certs, filters);
            } else {
                o.apply(word, value);
            }
            i += values == null ? 0 : values;
        }
        List<String> warnings = new ArrayList<>();
        if (http && o.alpn != null && o.alpn.contains("h2")) {
            List<String> h1 = o.alpn.stream().filter(p -> !p.equals("h2")).toList();
            if (h1.isEmpty()) {
                throw new SslSetupException("'alpn " + String.join(",", o.alpn) + "' on " + where
                        + ": jhaproxy has no HTTP/2, and no HTTP/1.x protocol is left to offer.");
            }
            warnings.add("'alpn " + String.join(",", o.alpn) + "' on " + where
                    + ": jhaproxy has no HTTP/2, 'h2' is not offered to clients.");
            o.alpn = h1;
        }
        X509Certificate[] clientCa = null;
        boolean verifies = "optional".equals(o.verify) || "required".equals(o.verify);
        try {
            if (verifies && o.caFile != null) {
                clientCa = PemFiles.certificates(ServerSsl.file(config, "ca-base", o.caFile));
            }
            SslContext first = null;
            DomainWildcardMappingBuilder<SslContext> names = null;
            Set<String> taken = new HashSet<>();
            for (Path p : certs) {
                PemFiles.KeyPair kp = PemFiles.keyPair(p);
                SslContext ctx = TlsContexts.server(kp, o, clientCa);
                if (first == null) {
                    first = ctx;
                    names = new DomainWildcardMappingBuilder<>(first);
                }
                List<String> served = filters.containsKey(p) && !filters.get(p).isEmpty() ? filters.get(p) : names(kp.chain()[0]);
                for (String n : served) {
                    // the first certificate loaded for a name keeps it
                    if (taken.add(n.toLowerCase(java.util.Locale.ROOT))) {
                        names.add(n, ctx);
                    }
                }
            }
            if (first == null) {
                throw new SslSetupException("no SSL certificate specified for " + where + " (use 'crt').");
            }
            return new BindSsl(names.build(), clientTimeoutMs, List.copyOf(warnings));
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new SslSetupException(e.getMessage() + " (" + where + ")");
        }
    }

    /** A "crt" path: the file, or every certificate of the directory in name order (dotfiles and companions left). */
    static List<Path> certificateFiles(Path p) throws SslSetupException {
        if (!Files.isDirectory(p)) {
            return List.of(p);
        }
        try (var s = Files.list(p)) {
            return s.filter(f -> {
                String n = f.getFileName().toString();
                return !n.startsWith(".") && !n.endsWith(".key") && !n.endsWith(".ocsp") && !n.endsWith(".issuer")
                        && !n.endsWith(".sctl") && Files.isRegularFile(f);
            }).sorted().toList();
        } catch (java.io.IOException e) {
            throw new SslSetupException("unable to scan directory '" + p + "'");
        }
    }

    /** The names a certificate serves: its DNS subject alternative names, then its common names (as haproxy indexes them). */
    private static List<String> names(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            if (c.getSubjectAlternativeNames() != null) {
                for (List<?> san : c.getSubjectAlternativeNames()) {
                    if (Integer.valueOf(2).equals(san.get(0))) {
                        out.add((String) san.get(1));
                    }
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            // no usable alternative names: the common name only
        }
        try {
            javax.naming.ldap.LdapName dn = new javax.naming.ldap.LdapName(c.getSubjectX500Principal().getName());
            for (javax.naming.ldap.Rdn r : dn.getRdns()) {
                if (r.getType().equalsIgnoreCase("CN")) {
                    out.add(r.getValue().toString());
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            // no common name
        }
        return out;
    }

    /** The first handler of an accepted connection: reads the client's hello, picks the certificate, then handshakes. */
    public ChannelHandler newHandler() {
        return new CertificateSelection(byName, handshakeTimeoutMs);
    }

    /** Netty's SNI selection, keeping the name the client asked for (ssl_fc_sni) and the handshake's time limit. */
    private static final class CertificateSelection extends SniHandler {
        private final long timeoutMs;

        CertificateSelection(Mapping<String, SslContext> mapping, long timeoutMs) {
            super(mapping, timeoutMs);
            this.timeoutMs = timeoutMs;
        }

        @Override
        protected void replaceHandler(ChannelHandlerContext ctx, String hostname, SslContext sslContext) throws Exception {
            ClientTls.requestedName(ctx.channel(), hostname);
            super.replaceHandler(ctx, hostname, sslContext);
        }

        @Override
        protected SslHandler newSslHandler(SslContext context, ByteBufAllocator allocator) {
            SslHandler h = super.newSslHandler(context, allocator);
            h.setHandshakeTimeoutMillis(timeoutMs);
            return h;
        }
    }
}
