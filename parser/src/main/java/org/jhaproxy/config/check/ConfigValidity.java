package org.jhaproxy.config.check;

import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.BackendRef;
import org.jhaproxy.config.model.ConfigBuilder;
import org.jhaproxy.config.model.LogFormatSource;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.ProxyCheckSettings;
import org.jhaproxy.config.model.ProxyLogSettings;
import org.jhaproxy.config.model.ProxyMode;
import org.jhaproxy.config.model.TimeoutKind;
import org.jhaproxy.config.source.ParseContext;

/**
 * HAProxy's check_config_validity() for the proxies: every enabled proxy, in declaration order,
 * goes through the same checks in the same order as cfgparse.c, so that the messages come out
 * in HAProxy's order. Errors are counted and make the configuration fail at the end.
 */
public final class ConfigValidity implements PostParseCheck {
    @Override
    public int run(ParseContext ctx) {
        Diagnostics diag = ctx.diag();
        ConfigBuilder cfg = ctx.config();
        int cfgerr = 0;
        int err = ErrCode.NONE;
        for (ProxyBuilder px : cfg.proxies()) {
            if (px.disabled()) {
                continue;
            }
            String type = px.typeString();
            String name = px.name();
            ProxyCheckSettings checks = px.checks();
            if (px.mode() == ProxyMode.TCP) {
                err |= HttpModeChecks.ensureNoHttp(diag, px);
            }
            if (px.has(ProxyCapability.FRONTEND) && px.binds().isEmpty()) {
                diag.warning(String.format("%s '%s' has no 'bind' directive. Please declare it as a backend if this was intended.", type, name));
                err |= ErrCode.WARN;
            }
            if (px.has(ProxyCapability.BACKEND) && px.balance().algorithm() != null && px.transparent()) {
                diag.alert(String.format("%s '%s' cannot use both transparent and balance mode.", type, name));
                cfgerr++;
            }
            if (checks.httpCheckRules() && !"httpchk".equals(checks.type())) {
                diag.warning(String.format("%s '%s' uses http-check rules without 'option httpchk', so the rules are ignored.", type, name));
                err |= ErrCode.WARN;
            }
            boolean tcpCheckFamily = checks.type() != null && !checks.type().equals("external-check");
            if (tcpCheckFamily && !"httpchk".equals(checks.proto())) {
                if (checks.disableOn404()) {
                    diag.warning(String.format("'%s' will be ignored for %s '%s' (requires 'option httpchk').", "disable-on-404", type, name));
                    err |= ErrCode.WARN;
                }
                if (checks.sendState()) {
                    diag.warning(String.format("'%s' will be ignored for %s '%s' (requires 'option httpchk').", "send-state", type, name));
                    err |= ErrCode.WARN;
                }
            }
            boolean extCheck = "external-check".equals(checks.type());
            if (extCheck) {
                if (cfg.global().get("external-check") == null) {
                    diag.alert(String.format("Proxy '%s' : '%s' unable to find required 'global.external-check'.", name, "option external-check"));
                    cfgerr++;
                }
                if (checks.externalCommand() == null) {
                    diag.alert(String.format("Proxy '%s' : '%s' unable to find required 'external-check command'.", name, "option external-check"));
                    cfgerr++;
                }
                if (cfg.global().get("insecure-fork-wanted") == null || cfg.global().isSet("no insecure-fork-wanted")) {
                    diag.warning(String.format("Proxy '%s' : 'insecure-fork-wanted' not enabled in the global section, '%s' will likely fail.",
                            name, "option external-check"));
                    err |= ErrCode.WARN;
                }
            }
            if (px.emailAlert().incomplete()) {
                diag.warning(String.format("'email-alert' will be ignored for %s '%s' (the presence any of "
                        + "'email-alert from', 'email-alert level' 'email-alert mailers', "
                        + "'email-alert myhostname', or 'email-alert to' "
                        + "requires each of 'email-alert from', 'email-alert mailers' and 'email-alert to' "
                        + "to be present).", type, name));
                err |= ErrCode.WARN;
            }
            if (checks.externalCommand() != null) {
                if (!extCheck) {
                    diag.warning(String.format("'%s' will be ignored for %s '%s' (requires 'option external-check').", "external-check command", type, name));
                    err |= ErrCode.WARN;
                }
                if (!checks.externalCommand().startsWith("/") && checks.externalPath() == null) {
                    diag.alert(String.format("Proxy '%s': '%s' does not have a leading '/' and 'external-check path' is not set.", name, "external-check command"));
                    cfgerr++;
                }
            }
            if (checks.externalPath() != null && !extCheck) {
                diag.warning(String.format("'%s' will be ignored for %s '%s' (requires 'option external-check').", "external-check path", type, name));
                err |= ErrCode.WARN;
            }
            if (px.defaultBackend() != null) {
                cfgerr += resolveBackend(diag, cfg, px, px.defaultBackend(), "default_backend", "as its default backend");
            }
            for (int i = 0; i < px.useBackends().size(); i++) {
                BackendRef ref = px.useBackends().get(i);
                if (ref.dynamic()) {
                    cfgerr += LogFormatChecks.useBackend(ctx, px, ref);
                } else {
                    cfgerr += resolveBackend(diag, cfg, px, ref, "use_backend", "in a 'use_backend' rule");
                    err |= RuleReferences.warnL6OnHttp(diag, px, px.rules().useBackends().get(i).condition(), ref.at());
                }
            }
            cfgerr += RuleReferences.useServers(diag, px);
            cfgerr += org.jhaproxy.config.rules.LateRuleChecks.checkStickRules(ctx, px);
            cfgerr += RuleReferences.actionRules(cfg, diag, px);
            cfgerr += RuleReferences.peers(cfg, diag, px, ctx.env().get("HAPROXY_LOCALPEER"));
            String mailers = px.emailAlert().mailers();
            if (mailers != null && cfg.otherSections().find("mailers", mailers) == null) {
                diag.alert(String.format("Proxy '%s': unable to find mailers '%s'.", name, mailers));
                cfgerr++;
            }
            cfgerr += LogFormatChecks.formats(ctx, px);
            int lb = BalanceHash.check(ctx, px);
            if ((lb & ErrCode.ALERT) != 0) {
                cfgerr++;
            }
            err |= lb & ErrCode.WARN;
            // smp_resolve_args(), once the formats added their arguments
            cfgerr += PendingArgsResolution.resolve(cfg, diag, px);
            if (missingTimeouts(px)) {
                diag.warning(String.format("missing timeouts for %s '%s'.\n"
                        + "   | While not properly invalid, you will certainly encounter various problems\n"
                        + "   | with such a configuration. To fix this, please ensure that all following\n"
                        + "   | timeouts are set to a non-zero value: 'client', 'connect', 'server'.", type, name));
                err |= ErrCode.WARN;
            }
            if (checks.tcpCheckRules() && !"tcp-check".equals(checks.type())) {
                diag.warning(String.format("%s '%s' uses tcp-check rules without 'option tcp-check', so the rules are ignored.", type, name));
                err |= ErrCode.WARN;
            }
            long cookieLen = globalCookieLen(cfg);
            if (px.captures().cookieLen() >= cookieLen) {
                diag.warning(String.format("truncating capture length to %d bytes for %s '%s'.", cookieLen - 1, type, name));
                err |= ErrCode.WARN;
            }
            if ("global".equals(px.loadServerStateFromFile()) && cfg.global().get("server-state-file") == null) {
                diag.warning(String.format("backend '%s' configured to load server state file from global section 'server-state-file' directive. "
                        + "Unfortunately, 'server-state-file' is not set!", name));
                err |= ErrCode.WARN;
            }
            // duplicate server names: ServerChecks.perProxy(), with the other per-server checks
            if (logFormatWithoutTarget(cfg, px)) {
                diag.warning(String.format("log format ignored for %s '%s' since it has no log address.", type, name));
                err |= ErrCode.WARN;
            }
            if (px.mode() != ProxyMode.HTTP && !px.httpUpgrade()) {
                err |= HttpModeChecks.httpOnlySettings(diag, px);
            }
            cfgerr += RuleReferences.cacheFilters(cfg, diag, px);
        }
        if (cfgerr > 0) {
            err |= ErrCode.ALERT_FATAL;
        }
        return err | postProxyChecks(ctx);
    }

    /**
     * The post proxy checks haproxy.c runs right after check_config_validity() on every enabled
     * proxy: http_htx.c's proxy_check_errors() resolves the "errorfiles" sections.
     */
    private static int postProxyChecks(ParseContext ctx) {
        int err = ErrCode.NONE;
        for (ProxyBuilder px : ctx.config().proxies()) {
            if (px.disabled()) {
                continue;
            }
            for (BackendRef ref : px.errorFilesRefs()) {
                var section = ctx.config().otherSections().find("http-errors", ref.name());
                if (section == null) {
                    ctx.diag().alert(String.format("proxy '%s': unknown http-errors section '%s' (at %s:%d).",
                            px.name(), ref.name(), ref.at().file(), ref.at().line()));
                    err |= ErrCode.ALERT_FATAL;
                    continue;
                }
                // codes named on the line but without an errorfile in the section only warn
                var named = ctx.config().errorFilesCodes().getOrDefault(ref.at(), java.util.List.of());
                for (int code : org.jhaproxy.config.section.HttpErrorsSection.ERROR_CODES) {
                    if (named.contains(code) && section.entry("errorfile", String.valueOf(code)) == null) {
                        ctx.diag().warning(String.format("config: proxy '%s' : status '%d' not declared in http-errors section '%s' (at %s:%d).",
                                px.name(), code, ref.name(), ref.at().file(), ref.at().line()));
                        err |= ErrCode.WARN;
                    }
                }
            }
        }
        return err;
    }

    /** global.tune.cookie_len: "tune.http.cookielen" + 1, or CAPTURE_LEN (64) when unset. */
    private static long globalCookieLen(ConfigBuilder cfg) {
        var s = cfg.global().get("tune.http.cookielen");
        if (s == null || s.args().isEmpty()) {
            return 64;
        }
        return org.jhaproxy.config.proxy.ProxyChecks.atol(s.args().get(0)) + 1;
    }

    /** Finds a default_backend/use_backend target and checks its mode (proxy_be_by_name()). */
    private static int resolveBackend(Diagnostics diag, ConfigBuilder cfg, ProxyBuilder px, BackendRef ref, String kw, String how) {
        ProxyBuilder target = null;
        for (ProxyBuilder p : cfg.proxies()) {
            if (p.has(ProxyCapability.BACKEND) && p.name().equals(ref.name())) {
                target = p;
                break;
            }
        }
        if (target == null) {
            diag.alert(String.format("Proxy '%s': unable to find required %s: '%s'.", px.name(), kw, ref.name()));
            return 1;
        }
        if (target == px) {
            diag.alert(String.format("Proxy '%s': loop detected for %s: '%s'.", px.name(), kw, ref.name()));
            return 1;
        }
        if (target.mode() != px.mode() && !(px.mode() == ProxyMode.TCP && target.mode() == ProxyMode.HTTP)) {
            diag.alert(String.format("%s %s '%s' (%s:%d) tries to use incompatible %s %s '%s' (%s:%d) %s (see 'mode').",
                    px.mode().label(), px.typeString(), px.name(), px.at().file(), px.at().line(),
                    target.mode().label(), target.typeString(), target.name(), target.at().file(), target.at().line(), how));
            return 1;
        }
        if (kw.equals("default_backend") && px.serverCount() > 0) {
            diag.warning(String.format("In proxy '%s', the 'default_backend' rule always has precedence over the servers, which will never be used.", px.name()));
        }
        return 0;
    }

    /** A frontend without client timeout, or a backend with servers but no connect/server timeout. */
    private static boolean missingTimeouts(ProxyBuilder px) {
        boolean fe = px.has(ProxyCapability.FRONTEND) && px.timeout(TimeoutKind.CLIENT) == 0;
        boolean be = px.has(ProxyCapability.BACKEND) && px.serverCount() > 0
                && (px.timeout(TimeoutKind.CONNECT) == 0
                || (px.timeout(TimeoutKind.SERVER) == 0 && (px.mode() == ProxyMode.HTTP || px.timeout(TimeoutKind.TUNNEL) == 0)));
        return fe || be;
    }

    /** A frontend with a log format but no log target (its own, from defaults, or "log global"). */
    private static boolean logFormatWithoutTarget(ConfigBuilder cfg, ProxyBuilder px) {
        if (!px.has(ProxyCapability.FRONTEND)) {
            return false;
        }
        ProxyLogSettings log = px.logSettings();
        boolean hasTarget = !log.targets().isEmpty();
        if (hasTarget) {
            return false;
        }
        String lf = log.format();
        if (px.mode() == ProxyMode.TCP && (log.formatSource() == LogFormatSource.HTTPLOG
                || log.formatSource() == LogFormatSource.HTTPLOG_CLF || log.formatSource() == LogFormatSource.HTTPSLOG)) {
            lf = "tcplog"; // replaced by the TCP format, still a format
        }
        // a format that failed to compile was left empty
        int failed = px.references().failedLogFormats();
        return (lf != null && !lf.isEmpty() && (failed & 1) == 0)
                || (log.formatSd() != null && !log.formatSd().isEmpty() && (failed & 2) == 0);
    }
}
