package org.jhaproxy.config.server;

import org.jhaproxy.config.diag.ErrCode;

/** The SSL options of server lines (cfgparse-ssl.c srv_kws). */
final class ServerSslOptions {
    private ServerSslOptions() {
    }

    static void register(ServerOptions.Registrar r) {
        r.add("allow-0rtt", 0, true, "Allow using early data on this server", ServerSslOptions::none);
        r.add("alpn", 1, true, "Set ALPN supported protocols", c -> c.missing("'%s' : missing the comma-delimited ALPN protocol suite"));
        r.add("ca-file", 1, true, "set CAfile to process verify server cert", ServerSslOptions::caFile);
        r.add("check-alpn", 1, true, "Set ALPN used for checks", c -> c.missing("'%s' : missing the comma-delimited ALPN protocol suite"));
        r.add("check-sni", 1, true, "set SNI", c -> c.missing("'%s' : missing SNI"));
        r.add("check-ssl", 0, true, "enable SSL for health checks", c -> {
            c.server.checkSsl(1);
            return ErrCode.NONE;
        });
        r.add("ciphers", 1, true, "select the cipher suite", c -> c.missing("'%s' : missing cipher suite"));
        r.add("ciphersuites", 1, true, "select the cipher suite", c -> c.missing("'%s' : missing cipher suite"));
        r.add("crl-file", 1, true, "set certificate revocation list file use on server cert verify", ServerSslOptions::crlFile);
        r.add("crt", 1, true, "set client certificate", c -> {
            if (c.value().isEmpty()) {
                return c.fail(String.format("'%s' : missing certificate file path", c.kw()));
            }
            c.server.crt(SslFiles.withBase(c.ctx, "crt-base", c.value()));
            return ErrCode.NONE;
        });
        for (String v : new String[] {"sslv3", "tlsv10", "tlsv11", "tlsv12", "tlsv13"}) {
            r.add("force-" + v, 0, true, "force " + v, ServerSslOptions::none);
        }
        r.add("no-check-ssl", 0, true, "disable SSL for health checks", c -> {
            c.server.checkSsl(-1);
            return ErrCode.NONE;
        });
        r.add("no-send-proxy-v2-ssl", 0, true, "do not send PROXY protocol header v2 with SSL info", ServerSslOptions::none);
        r.add("no-send-proxy-v2-ssl-cn", 0, true, "do not send PROXY protocol header v2 with CN", ServerSslOptions::none);
        r.add("no-ssl", 0, true, "disable SSL processing", c -> {
            c.server.ssl(false);
            return ErrCode.NONE;
        });
        r.add("no-ssl-reuse", 0, true, "disable session reuse", ServerSslOptions::none);
        for (String v : new String[] {"sslv3", "tlsv10", "tlsv11", "tlsv12", "tlsv13"}) {
            r.add("no-" + v, 0, false, "disable " + v, ServerSslOptions::none);
        }
        r.add("no-tls-tickets", 0, true, "disable session resumption tickets", ServerSslOptions::none);
        r.add("npn", 1, true, "Set NPN supported protocols", c -> c.missing("'%s' : missing the comma-delimited NPN protocol suite"));
        r.add("send-proxy-v2-ssl", 0, true, "send PROXY protocol header v2 with SSL info", ServerSslOptions::none);
        r.add("send-proxy-v2-ssl-cn", 0, true, "send PROXY protocol header v2 with CN", ServerSslOptions::none);
        r.add("sni", 1, true, "send SNI extension", c -> c.missing("'%s' : missing sni expression"));
        r.add("ssl", 0, true, "enable SSL processing", c -> {
            c.server.ssl(true);
            return ErrCode.NONE;
        });
        r.add("ssl-min-ver", 1, true, "minimum version", ServerSslOptions::sslVersion);
        r.add("ssl-max-ver", 1, true, "maximum version", ServerSslOptions::sslVersion);
        r.add("ssl-reuse", 0, true, "enable session reuse", ServerSslOptions::none);
        r.add("tls-tickets", 0, true, "enable session resumption tickets", ServerSslOptions::none);
        r.add("verify", 1, true, "set SSL verify method", ServerSslOptions::verify);
        r.add("verifyhost", 1, true, "require that SSL cert verifies for hostname",
                c -> c.missing("'%s' : missing hostname to verify against"));
    }

    private static int none(ServerOption.Call c) {
        return ErrCode.NONE;
    }

    private static int caFile(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing CAfile path", c.kw()));
        }
        return load(c, SslFiles.withBase(c.ctx, "ca-base", c.value()));
    }

    private static int crlFile(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing CRLfile path", c.kw()));
        }
        return load(c, SslFiles.withBase(c.ctx, "ca-base", c.value()));
    }

    /**
     * The CA/CRL store is loaded at once: HAProxy prints the open failure with the server's
     * context, then the option's error without it.
     */
    private static int load(ServerOption.Call c, String path) {
        String open = SslFiles.loadCaFile(c.ctx, path);
        if (open == null) {
            return ErrCode.NONE;
        }
        c.out.alert(open);
        c.ctx.diag().alert(String.format("'%s' : unable to load %s.", c.kw(), path));
        c.error = ""; // already reported
        return ErrCode.ALERT_FATAL;
    }

    private static int sslVersion(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing the ssl/tls version", c.kw()));
        }
        return switch (c.value()) {
            case "SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3" -> ErrCode.NONE;
            default -> c.fail(String.format("'%s' : unknown ssl/tls version", c.value()));
        };
    }

    private static int verify(ServerOption.Call c) {
        if (c.value().isEmpty()) {
            return c.fail(String.format("'%s' : missing verify method", c.kw()));
        }
        return switch (c.value()) {
            case "none", "required" -> ErrCode.NONE;
            default -> c.fail(String.format("'%s' : unknown verify method '%s', only 'none' and 'required' are supported\n",
                    c.kw(), c.value()));
        };
    }
}
