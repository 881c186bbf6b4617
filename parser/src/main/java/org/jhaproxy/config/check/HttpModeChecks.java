package org.jhaproxy.config.check;

import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.LogFormatSource;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;

/**
 * The warnings about HTTP-only settings of proxies not in HTTP mode: proxy.c's
 * proxy_cfg_ensure_no_http() and the "ignored ... as it requires HTTP mode" list of
 * check_config_validity().
 */
final class HttpModeChecks {
    private HttpModeChecks() {
    }

    /** proxy_cfg_ensure_no_http(), run first for TCP proxies. */
    static int ensureNoHttp(Diagnostics diag, ProxyBuilder px) {
        int err = ErrCode.NONE;
        String type = px.typeString();
        if (px.cookieName() != null) {
            diag.warning(String.format("cookie will be ignored for %s '%s' (needs 'mode http').", type, px.name()));
        }
        if (px.monitorUri() != null) {
            diag.warning(String.format("monitor-uri will be ignored for %s '%s' (needs 'mode http').", type, px.name()));
        }
        if (px.balance().needsHttp()) {
            px.balance().algorithm("roundrobin", false);
            diag.warning(String.format("Layer 7 hash not possible for %s '%s' (needs 'mode http'). Falling back to round robin.", type, px.name()));
        }
        Position logFormatAt = px.logSettings().formatAt();
        if (logFormatAt != null) {
            LogFormatSource src = px.logSettings().formatSource();
            if (src == LogFormatSource.HTTPLOG || src == LogFormatSource.HTTPLOG_CLF) {
                diag.warning(String.format("parsing [%s:%d] : 'option httplog' not usable with %s '%s' (needs 'mode http'). Falling back to 'option tcplog'.",
                        logFormatAt.file(), logFormatAt.line(), type, px.name()));
            } else if (src == LogFormatSource.HTTPSLOG) {
                diag.warning(String.format("parsing [%s:%d] : 'option httpslog' not usable with %s '%s' (needs 'mode http'). Falling back to 'option tcplog'.",
                        logFormatAt.file(), logFormatAt.line(), type, px.name()));
            }
        }
        return err;
    }

    private static final String[][] RULE_LISTS = {
        {"http-request", "'http-request' rules"},
        {"http-response", "'http-response' rules"},
        {"http-after-response", "'http-after-response' rules"},
        {"redirect", "'redirect' rules"},
    };

    /** The settings dropped with a warning when the proxy is not in HTTP mode. */
    static int httpOnlySettings(Diagnostics diag, ProxyBuilder px) {
        int err = ErrCode.NONE;
        String type = px.typeString();
        String name = px.name();
        if (px.stats()) {
            diag.warning(String.format("'stats' statement ignored for %s '%s' as it requires HTTP mode.", type, name));
            err |= ErrCode.WARN;
            px.stats(false);
        }
        if (px.captures().cookieName() != null) {
            diag.warning(String.format("'capture' statement ignored for %s '%s' as it requires HTTP mode.", type, name));
            err |= ErrCode.WARN;
        }
        for (String[] list : RULE_LISTS) {
            if (px.hasRules(list[0])) {
                diag.warning(String.format("%s ignored for %s '%s' as they require HTTP mode.", list[1], type, name));
                err |= ErrCode.WARN;
            }
        }
        for (String opt : new String[] {"forwardfor", "originalto"}) {
            if (px.options().remove(opt)) {
                diag.warning(String.format("'option %s' ignored for %s '%s' as it requires HTTP mode.", opt, type, name));
                err |= ErrCode.WARN;
            }
        }
        for (org.jhaproxy.config.proxy.ProxyOption o : org.jhaproxy.config.proxy.ProxyOption.TABLE) {
            boolean capable = (o.frontend() && px.has(ProxyCapability.FRONTEND)) || (o.backend() && px.has(ProxyCapability.BACKEND));
            if (o.httpOnly() && capable && px.options().remove(o.name())) {
                diag.warning(String.format("'option %s' ignored for %s '%s' as it requires HTTP mode.", o.name(), type, name));
                err |= ErrCode.WARN;
            }
        }
        return err;
    }
}
