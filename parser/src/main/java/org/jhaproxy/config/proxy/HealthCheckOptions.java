package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The "option <check>" health check types (tcpcheck.c proxy_parse_*_opt() and extcheck.c):
 * each replaces the proxy's check type and accepts a fixed number of words.
 */
final class HealthCheckOptions {
    private HealthCheckOptions() {
    }

    static int parse(ParseContext ctx, Line line, ProxyBuilder px) {
        String opt = line.arg(1);
        int err = ErrCode.NONE;
        if (!opt.equals("external-check") && ProxyChecks.warnIfNotCap(ctx, line, px, false, true, opt, null)) {
            err |= ErrCode.WARN;
        }
        int maxArgs = switch (opt) {
            case "httpchk", "mysql-check" -> 3;
            case "smtpchk", "pgsql-check" -> 2;
            default -> 0;
        };
        int tooMany = ProxyChecks.tooManyArgs(ctx, line, maxArgs, 1);
        if (tooMany != 0) {
            return err | tooMany;
        }
        switch (opt) {
            case "httpchk" -> {
                String version = line.arg(4);
                if (!version.isEmpty()) {
                    int hdrs = version.indexOf("\r\n");
                    int body = version.indexOf("\r\n\r\n");
                    if (hdrs >= 0 || body >= 0) {
                        err |= ProxyChecks.warnTight(ctx, line, String.format("'%s %s' : hiding headers or body at the end of the version string is deprecated."
                                + " Please, consider to use 'http-check send' directive instead.", line.arg(0), line.arg(1)));
                    }
                }
                px.checks().type("httpchk");
            }
            case "pgsql-check" -> {
                if (line.arg(2).isEmpty() || line.arg(3).isEmpty()) {
                    return err | ProxyChecks.alert(ctx, line, String.format("'%s %s' expects 'user <username>' as argument.", line.arg(0), opt));
                }
                if (!line.arg(2).equals("user")) {
                    return err | ProxyChecks.alert(ctx, line, String.format("'%s %s' only supports optional values: 'user'.", line.arg(0), opt));
                }
                px.checks().type(opt);
            }
            case "mysql-check" -> {
                if (!line.arg(2).isEmpty()) {
                    if (!line.arg(2).equals("user")) {
                        return err | ProxyChecks.alert(ctx, line, String.format("'%s %s' only supports optional values: 'user' (got '%s').",
                                line.arg(0), opt, line.arg(2)));
                    }
                    if (line.arg(3).isEmpty()) {
                        return err | ProxyChecks.alert(ctx, line, String.format("'%s %s %s' expects <username> as argument.", line.arg(0), opt, line.arg(2)));
                    }
                    String v = line.arg(4);
                    if (!v.isEmpty() && !v.equals("post-41") && !v.equals("pre-41")) {
                        return err | ProxyChecks.alert(ctx, line, String.format("keyword '%s' only supports 'post-41' and 'pre-41' (got '%s').", opt, v));
                    }
                }
                px.checks().type(opt);
            }
            default -> px.checks().type(opt);
        }
        px.checks().proto(opt.equals("external-check") ? null : opt);
        if (opt.equals("httpchk")) {
            px.checks().httpCheckRules(false);
        }
        if (opt.equals("tcp-check")) {
            px.checks().tcpCheckRules(false);
        }
        return err;
    }
}
