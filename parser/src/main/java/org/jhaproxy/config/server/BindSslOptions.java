package org.jhaproxy.config.server;

import org.jhaproxy.config.diag.ErrCode;

/** The SSL options of "bind" lines (cfgparse-ssl.c bind_kws), with their file checks. */
final class BindSslOptions {
    interface Registrar {
        void add(String name, int skip, String usage, BindOption.Parser parser);
    }

    private BindSslOptions() {
    }

    static void register(Registrar r) {
        flag(r, "allow-0rtt", "Allow 0RTT");
        r.add("alpn", 1, "set ALPN supported protocols", BindSslOptions::alpn);
        r.add("ca-file", 1, "set CAfile to process ca-names and verify on client cert", c -> caFile(c, "'%s' : missing CAfile path"));
        r.add("ca-verify-file", 1, "set CAverify file to process verify on client cert", c -> caFile(c, "'%s' : missing CAfile path"));
        r.add("ca-ignore-err", 1, "set error IDs to ignore on verify depth > 0", c -> BindOptions.missing(c, "'%s' : missing error IDs list"));
        r.add("ca-sign-file", 1, "set CAFile used to generate and sign server certs", c -> BindOptions.missing(c, "'%s' : missing CAfile path"));
        r.add("ca-sign-pass", 1, "set CAKey passphrase", c -> BindOptions.missing(c, "'%s' : missing CAkey password"));
        r.add("ciphers", 1, "set SSL cipher suite", c -> BindOptions.missing(c, "'%s' : missing cipher suite"));
        r.add("ciphersuites", 1, "set TLS 1.3 cipher suite", c -> BindOptions.missing(c, "'%s' : missing cipher suite"));
        r.add("crl-file", 1, "set certificate revocation list file use on client cert verify", c -> caFile(c, "'%s' : missing CRLfile path"));
        r.add("crt", 1, "load SSL certificates from this location", BindSslOptions::crt);
        r.add("crt-ignore-err", 1, "set error IDs to ignore on verify depth == 0", c -> BindOptions.missing(c, "'%s' : missing error IDs list"));
        r.add("crt-list", 1, "load a list of crt from this location", BindSslOptions::crtList);
        r.add("curves", 1, "set SSL curve suite", c -> BindOptions.missing(c, "'%s' : missing curve suite"));
        r.add("ecdhe", 1, "defines named curve for elliptic curve Diffie-Hellman", c -> BindOptions.missing(c, "'%s' : missing named curve"));
        for (String v : new String[] {"sslv3", "tlsv10", "tlsv11", "tlsv12", "tlsv13"}) {
            flag(r, "force-" + v, "force " + v);
        }
        flag(r, "generate-certificates", "enable the server certificates generation");
        flag(r, "no-ca-names", "do not send ca names to clients (ca_file related)");
        for (String v : new String[] {"sslv3", "tlsv10", "tlsv11", "tlsv12", "tlsv13"}) {
            flag(r, "no-" + v, "disable " + v);
        }
        flag(r, "no-tls-tickets", "disable session resumption tickets");
        flag(r, "ssl", "enable SSL processing");
        r.add("ssl-min-ver", 1, "minimum version", BindSslOptions::sslVersion);
        r.add("ssl-max-ver", 1, "maximum version", BindSslOptions::sslVersion);
        flag(r, "strict-sni", "refuse negotiation if sni doesn't match a certificate");
        r.add("tls-ticket-keys", 1, "set file to load TLS ticket keys from", BindSslOptions::ticketKeys);
        r.add("verify", 1, "set SSL verify method", BindSslOptions::verify);
        r.add("npn", 1, "set NPN supported protocols", c -> BindOptions.missing(c, "'%s' : missing the comma-delimited NPN protocol suite"));
        flag(r, "prefer-client-ciphers", "prefer client ciphers");
    }

    private static void flag(Registrar r, String name, String usage) {
        r.add(name, 0, usage, c -> ErrCode.NONE);
    }

    private static int alpn(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : %s", c.kw(), "missing the comma-delimited ALPN protocol suite"));
        }
        for (String p : c.value().split(",", -1)) {
            if (p.length() > 255) {
                return c.fail(String.format("'%s' : ALPN protocol name too long : '%s'", c.kw(), p));
            }
        }
        return ErrCode.NONE;
    }

    /** ca-file, ca-verify-file, crl-file: loaded at once, under "ca-base". */
    private static int caFile(BindOption.Call c, String missing) {
        if (c.value().isEmpty()) {
            return c.fail(String.format(missing, c.kw()));
        }
        String path = SslFiles.withBase(c.ctx, "ca-base", c.value());
        String open = SslFiles.loadCaFile(c.ctx, path);
        if (open != null) {
            c.ctx.diag().alert(open);
            return c.fail(String.format("'%s' : unable to load %s", c.kw(), path));
        }
        return ErrCode.NONE;
    }

    private static int crt(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing certificate location", c.kw()));
        }
        String path = SslFiles.withBase(c.ctx, "crt-base", c.value());
        if (path.length() + 1 > 4096) {
            return c.fail(String.format("'%s' : path too long", c.kw()));
        }
        String err = SslFiles.loadCertificate(c.ctx, path);
        // the certificate loaders' messages end with a newline (seen in "stats socket" errors)
        return err == null ? ErrCode.NONE : c.fail(err.endsWith("\n") ? err : err + "\n");
    }

    private static int crtList(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing certificate location", c.kw()));
        }
        String err = SslFiles.loadCrtList(c.ctx, c.value());
        return err == null ? ErrCode.NONE : c.fail(String.format("'%s' : %s", c.kw(), err));
    }

    static int sslVersion(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing the ssl/tls version", c.kw()));
        }
        return switch (c.value()) {
            case "SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3" -> ErrCode.NONE;
            default -> c.fail(String.format("'%s' : unknown ssl/tls version", c.value()));
        };
    }

    private static int ticketKeys(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing TLS ticket keys file path", c.kw()));
        }
        if (!c.ctx.env().exists(c.value())) {
            return c.fail(String.format("'%s' : unable to load ssl tickets keys file", c.value()));
        }
        return ErrCode.NONE;
    }

    private static int verify(BindOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing verify method", c.kw()));
        }
        return switch (c.value()) {
            case "none", "optional", "required" -> ErrCode.NONE;
            default -> c.fail(String.format("'%s' : unknown verify method '%s', only 'none', 'optional', and 'required' are supported\n",
                    c.kw(), c.value()));
        };
    }
}
