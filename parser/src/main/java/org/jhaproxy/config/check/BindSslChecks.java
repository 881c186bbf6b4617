package org.jhaproxy.config.check;

import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.Bind;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.source.ParseContext;

/**
 * ssl_sock_prepare_bind_conf(), run by check_config_validity()'s final loop over the proxies'
 * bind lines: an "ssl" bind needs a certificate, a certificate needs "ssl", and client
 * certificate verification needs a CA file.
 */
final class BindSslChecks {
    private BindSslChecks() {
    }

    static int run(ParseContext ctx) {
        int err = ErrCode.NONE;
        for (ProxyBuilder px : ctx.config().proxies()) {
            for (Bind b : px.binds()) {
                err |= prepare(ctx, px, b);
            }
        }
        return err;
    }

    private static int prepare(ParseContext ctx, ProxyBuilder px, Bind b) {
        List<String> o = b.options();
        boolean cert = o.contains("crt") || o.contains("crt-list");
        String where = String.format("bind '%s' at [%s:%d]", b.address(), b.at().file(), b.at().line());
        if (!b.ssl()) {
            // the raw transport has no prepare_bind_conf(): a "crt" without "ssl" goes unnoticed
            return ErrCode.NONE;
        }
        if (!cert) {
            if (o.contains("strict-sni") && !o.contains("generate-certificates")) {
                ctx.diag().warning(String.format("Proxy '%s': no SSL certificate specified for %s, ssl connections will fail (use 'crt').", px.name(), where));
                return ErrCode.WARN;
            }
            ctx.diag().alert(String.format("Proxy '%s': no SSL certificate specified for %s (use 'crt').", px.name(), where));
            return ErrCode.ALERT_FATAL;
        }
        String verify = lastValue(o, "verify");
        boolean peer = "required".equals(verify) || "optional".equals(verify);
        if (peer && !o.contains("ca-file") && !o.contains("ca-verify-file")) {
            // HAProxy reports it for the default context and again for the certificate's own
            String msg = String.format("Proxy '%s': verify is enabled but no CA file specified for %s.", px.name(), where);
            ctx.diag().alert(msg + "\n" + msg);
            return ErrCode.ALERT_FATAL;
        }
        return ErrCode.NONE;
    }

    private static String lastValue(List<String> words, String option) {
        String v = null;
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals(option)) {
                v = words.get(i + 1);
            }
        }
        return v;
    }
}
