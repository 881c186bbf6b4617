package org.jhaproxy.config.proxy;

import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.DidYouMean;
import org.jhaproxy.config.model.LogFormatSource;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.source.KeywordModifier;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * "[no] option <name> ..." in proxy sections, as the "option" branch of cfg_parse_listen():
 * the on/off options of {@link ProxyOption#TABLE}, the HTTP connection modes, redispatch, the
 * log formats, the health check types, forwardfor/originalto, and the removed options.
 */
final class OptionKeyword {
    /** common_options[] of cfgparse-listen.c: extra candidates for "did you mean". */
    private static final List<String> COMMON_OPTIONS = List.of("httpclose", "http-server-close", "http-keep-alive",
            "redispatch", "httplog", "tcplog", "tcpka", "httpchk", "ssl-hello-chk", "smtpchk", "pgsql-check",
            "redis-check", "mysql-check", "ldap-check", "spop-check", "tcp-check", "external-check", "forwardfor",
            "original-to");

    static final String DEFAULT_HTTP_LOG_FORMAT = "%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r";
    static final String CLF_HTTP_LOG_FORMAT = "%{+Q}o %{-Q}ci - - [%trg] %r %ST %B \"\" \"\" %cp %ms %ft %b %s %TR %Tw %Tc %Tr %Ta %tsc %ac %fc %bc %sc %rc %sq %bq %CC %CS %hrl %hsl";
    static final String DEFAULT_HTTPS_LOG_FORMAT = "%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r %[fc_err]/%[ssl_fc_err,hex]/%[ssl_c_err]/%[ssl_c_ca_err]/%[ssl_fc_is_resumed] %[ssl_fc_sni]/%sslv/%sslc";
    static final String DEFAULT_TCP_LOG_FORMAT = "%ci:%cp [%t] %ft %b/%s %Tw/%Tc/%Tt %B %ts %ac/%fc/%bc/%sc/%rc %sq/%bq";

    private OptionKeyword() {
    }

    static int parse(ParseContext ctx, Line line, ProxyBuilder px) {
        String opt = line.arg(1);
        KeywordModifier kwm = line.modifier();
        if (opt.isEmpty()) {
            return ProxyChecks.alertTight(ctx, line, String.format("'%s' expects an option name.", line.arg(0)));
        }
        ProxyOption o = ProxyOption.find(opt);
        if (o != null) {
            if (o.unsupported()) {
                return ProxyChecks.alertTight(ctx, line, String.format("option '%s' is not supported due to build options.", opt));
            }
            int err = ProxyChecks.tooManyArgs(ctx, line, 0, 1);
            if (err != 0) {
                return err;
            }
            if (ProxyChecks.warnIfNotCap(ctx, line, px, o.frontend(), o.backend(), opt, null)) {
                return ErrCode.WARN;
            }
            setFlag(px, opt, kwm);
            return ErrCode.NONE;
        }
        switch (opt) {
            case "forceclose":
                return ProxyChecks.alertTight(ctx, line, String.format("option '%s' is not supported any more since HAProxy 2.0, "
                        + "please just remove it, or use 'option httpclose' if absolutely needed.", opt));
            case "httpclose", "http-server-close", "http-keep-alive": {
                int err = ProxyChecks.tooManyArgs(ctx, line, 0, 1);
                if (err != 0) {
                    return err;
                }
                if (kwm == KeywordModifier.STD) {
                    px.httpConnectionMode(opt);
                    return ErrCode.NONE;
                }
                if (kwm == KeywordModifier.NO) {
                    if (opt.equals(px.httpConnectionMode())) {
                        px.httpConnectionMode(null);
                    }
                    return ErrCode.NONE;
                }
                break; // "default option httpclose" is refused below
            }
            case "http-tunnel":
                return ProxyChecks.alertTight(ctx, line, String.format("option '%s' is not supported any more since HAProxy 2.1, "
                        + "please just remove it, it shouldn't be needed.", opt));
            default:
                break;
        }
        if (opt.equals("redispatch")) {
            if (ProxyChecks.warnIfNotCap(ctx, line, px, false, true, opt, null)) {
                return ErrCode.WARN;
            }
            setFlag(px, opt, kwm);
            return ErrCode.NONE;
        }
        if (opt.equals("http_proxy")) {
            return ProxyChecks.alertTight(ctx, line, String.format("option '%s' is not supported any more since HAProxy 2.5. "
                    + "This option stopped working in HAProxy 1.9 and usually had nasty side effects. It can be more reliably "
                    + "implemented with combinations of 'http-request set-dst' and 'http-request set-uri', and even "
                    + "'http-request do-resolve' if DNS resolution is desired.", opt));
        }
        if (kwm != KeywordModifier.STD) {
            return ProxyChecks.alertTight(ctx, line, String.format("negation/default is not supported for option '%s'.", opt));
        }
        switch (opt) {
            case "httplog":
                return httplog(ctx, line, px);
            case "tcplog":
                return tcplog(ctx, line, px);
            case "httpslog":
                return httpslog(ctx, line, px);
            case "tcpka": {
                int err = 0;
                if (ProxyChecks.warnIfNotCap(ctx, line, px, true, true, opt, null)) {
                    err |= ErrCode.WARN;
                }
                err |= ProxyChecks.tooManyArgs(ctx, line, 0, 1);
                if (ErrCode.isFatal(err)) {
                    return err;
                }
                if (px.has(ProxyCapability.FRONTEND)) {
                    px.options().add("clitcpka");
                }
                if (px.has(ProxyCapability.BACKEND)) {
                    px.options().add("srvtcpka");
                }
                return err;
            }
            case "httpchk", "ssl-hello-chk", "smtpchk", "pgsql-check", "redis-check", "mysql-check", "ldap-check",
                    "spop-check", "tcp-check", "external-check":
                return HealthCheckOptions.parse(ctx, line, px);
            case "forwardfor":
                return forwarded(ctx, line, px, "forwardfor", true);
            case "originalto":
                return forwarded(ctx, line, px, "originalto", false);
            case "http-restrict-req-hdr-names":
                return restrictHeaderNames(ctx, line);
            default:
                break;
        }
        List<String> candidates = new ArrayList<>();
        ProxyOption.TABLE.forEach(t -> candidates.add(t.name()));
        candidates.addAll(COMMON_OPTIONS);
        String best = DidYouMean.bestMatch(opt, candidates);
        if (best != null) {
            return ProxyChecks.alert(ctx, line, String.format("unknown option '%s'; did you mean '%s' maybe ?", opt, best));
        }
        return ProxyChecks.alert(ctx, line, String.format("unknown option '%s'.", opt));
    }

    private static void setFlag(ProxyBuilder px, String opt, KeywordModifier kwm) {
        px.options().remove(opt);
        px.noOptions().remove(opt);
        if (kwm == KeywordModifier.STD) {
            px.options().add(opt);
        } else if (kwm == KeywordModifier.NO) {
            px.noOptions().add(opt);
        }
    }

    /** The "'option X' overrides previous '...' in 'defaults' section." warning. */
    private static void warnOverride(ParseContext ctx, Line line, ProxyBuilder px, String directive) {
        if (px.logSettings().format() != null && px.isDefaults()) {
            ctx.diag().warning(String.format("parsing [%s:%d]: '%s' overrides previous '%s' in 'defaults' section.",
                    line.file(), line.lineNo(), directive, px.logSettings().formatSource().directive()));
        }
    }

    private static int ignoredInBackend(ParseContext ctx, Line line, ProxyBuilder px, String directive) {
        if (!px.isDefaults() && !px.has(ProxyCapability.FRONTEND)) {
            return ProxyChecks.warn(ctx, line, String.format("backend '%s' : '%s' directive is ignored in backends.", px.name(), directive));
        }
        return ErrCode.NONE;
    }

    private static int httplog(ParseContext ctx, Line line, ProxyBuilder px) {
        boolean clf = false;
        if (!line.arg(2).isEmpty()) {
            if (!line.arg(2).equals("clf")) {
                return ProxyChecks.alert(ctx, line, String.format("keyword '%s' only supports option 'clf'.", line.arg(1)));
            }
            clf = true;
            int err = ProxyChecks.tooManyArgs(ctx, line, 1, 1);
            if (err != 0) {
                return err;
            }
        }
        warnOverride(ctx, line, px, clf ? "option httplog clf" : "option httplog");
        px.logSettings().format(clf ? CLF_HTTP_LOG_FORMAT : DEFAULT_HTTP_LOG_FORMAT, clf ? LogFormatSource.HTTPLOG_CLF : LogFormatSource.HTTPLOG,
                new org.jhaproxy.config.model.Position(line.file(), line.lineNo()));
        return ignoredInBackend(ctx, line, px, "option httplog");
    }

    private static int tcplog(ParseContext ctx, Line line, ProxyBuilder px) {
        warnOverride(ctx, line, px, "option tcplog");
        px.logSettings().format(DEFAULT_TCP_LOG_FORMAT, LogFormatSource.TCPLOG, new org.jhaproxy.config.model.Position(line.file(), line.lineNo()));
        int err = ProxyChecks.tooManyArgs(ctx, line, 0, 1);
        if (err != 0) {
            return err;
        }
        return ignoredInBackend(ctx, line, px, "option tcplog");
    }

    private static int httpslog(ParseContext ctx, Line line, ProxyBuilder px) {
        // HAProxy 2.6 names it 'option httplog' in this warning
        warnOverride(ctx, line, px, "option httplog");
        px.logSettings().format(DEFAULT_HTTPS_LOG_FORMAT, LogFormatSource.HTTPSLOG, new org.jhaproxy.config.model.Position(line.file(), line.lineNo()));
        return ignoredInBackend(ctx, line, px, "option httpslog");
    }

    /** "option forwardfor [except <net>] [header <name>] [if-none]" and "option originalto". */
    private static int forwarded(ParseContext ctx, Line line, ProxyBuilder px, String opt, boolean ifNone) {
        px.options().add(opt);
        int cur = 2;
        while (!line.arg(cur).isEmpty()) {
            String a = line.arg(cur);
            if (a.equals("except")) {
                if (line.arg(cur + 1).isEmpty() || !NetMask.valid(line.arg(cur + 1))) {
                    return ProxyChecks.alert(ctx, line, String.format("'%s %s %s' expects <address>[/mask] as argument.",
                            line.arg(0), line.arg(1), a));
                }
                cur += 2;
            } else if (a.equals("header")) {
                if (line.arg(cur + 1).isEmpty()) {
                    return ProxyChecks.alert(ctx, line, String.format("'%s %s %s' expects <header_name> as argument.",
                            line.arg(0), line.arg(1), a));
                }
                cur += 2;
            } else if (ifNone && a.equals("if-none")) {
                cur++;
            } else {
                return ProxyChecks.alert(ctx, line, String.format("'%s %s' only supports optional values: %s.", line.arg(0), line.arg(1),
                        ifNone ? "'except', 'header' and 'if-none'" : "'except' and 'header'"));
            }
        }
        return ErrCode.NONE;
    }

    private static int restrictHeaderNames(ParseContext ctx, Line line) {
        int err = ProxyChecks.tooManyArgs(ctx, line, 2);
        if (err != 0) {
            return err;
        }
        String v = line.arg(2);
        if (v.isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("missing parameter. option '%s' expects 'preserve', 'reject' or 'delete' option.",
                    line.arg(1)));
        }
        if (!v.equals("preserve") && !v.equals("reject") && !v.equals("delete")) {
            return ProxyChecks.alert(ctx, line, String.format("invalid parameter '%s'. option '%s' expects 'preserve', 'reject' or 'delete' option.",
                    v, line.arg(1)));
        }
        return ErrCode.NONE;
    }
}
