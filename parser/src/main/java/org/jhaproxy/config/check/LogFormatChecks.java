package org.jhaproxy.config.check;

import org.jhaproxy.config.diag.Diagnostics;
import org.jhaproxy.config.model.BackendRef;
import org.jhaproxy.config.model.LogFormatSource;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.ProxyLogSettings;
import org.jhaproxy.config.model.ProxyMode;
import org.jhaproxy.config.rules.Conditions;
import org.jhaproxy.config.sample.CheckPlace;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.source.ParseContext;

/**
 * The format strings check_config_validity() compiles with parse_logformat_string(): dynamic
 * use_backend names, log-format, log-format-sd, unique-id-format and error-log-format. Each
 * failure is one configuration error.
 */
final class LogFormatChecks {
    private LogFormatChecks() {
    }

    /** A dynamic "use_backend %[...]" name; returns the number of errors. */
    static int useBackend(ParseContext ctx, ProxyBuilder px, BackendRef ref) {
        // the fetch arguments join the proxy's list under ARGC_UBK, for smp_resolve_args()
        org.jhaproxy.config.model.ArgScope before = ctx.argScope();
        ctx.argScope(new org.jhaproxy.config.model.ArgScope(px, "in use_backend expression in", ref.at()));
        try {
            Conditions.logFormat(ctx, ref.name(), px.mode() == ProxyMode.HTTP, CheckPlace.FE_HRQ_HDR.bit());
            return 0;
        } catch (ExprError e) {
            ctx.diag().alert(String.format("Parsing [%s:%d]: failed to parse use_backend rule '%s' : %s.",
                    ref.at().file(), ref.at().line(), ref.name(), e.getMessage()));
            return 1;
        } finally {
            ctx.argScope(before);
        }
    }

    /** The proxy's log formats, in HAProxy's order; returns the number of errors. */
    static int formats(ParseContext ctx, ProxyBuilder px) {
        Diagnostics diag = ctx.diag();
        boolean http = px.mode() == ProxyMode.HTTP;
        int errors = 0;
        ProxyLogSettings log = px.logSettings();
        boolean fe = px.has(ProxyCapability.FRONTEND);
        // the built-in formats of "option httplog/tcplog/httpslog" are known to compile
        if (fe && log.format() != null && log.formatSource() == LogFormatSource.CUSTOM) {
            int e = one(ctx, log.format(), http, CheckPlace.FE_LOG_END.bit(), log.formatAt(), "log-format", px, "in log-format string in");
            if (e > 0) {
                px.references().failedLogFormat(1);
            }
            errors += e;
        }
        if (fe && log.formatSd() != null) {
            // HAProxy 2.6 names the log-format's position here
            Position at = log.formatAt() != null ? log.formatAt() : log.formatSdAt();
            int e = one(ctx, log.formatSd(), http, CheckPlace.FE_LOG_END.bit(), at, "log-format-sd", px, "in log-format-sd string in");
            if (e > 0) {
                px.references().failedLogFormat(2);
            }
            errors += e;
        }
        if (log.uniqueIdFormat() != null) {
            int where = 0;
            if (fe) {
                where |= CheckPlace.FE_HRQ_HDR.bit();
            }
            if (px.has(ProxyCapability.BACKEND)) {
                where |= CheckPlace.BE_HRQ_HDR.bit();
            }
            errors += one(ctx, log.uniqueIdFormat(), http, where, log.uniqueIdFormatAt(), "unique-id", px, "in unique-id-format string in");
        }
        if (log.errorFormat() != null) {
            errors += one(ctx, log.errorFormat(), http, CheckPlace.FE_LOG_END.bit(), log.errorFormatAt(), "error-log-format", px, "in log-format string in");
        }
        return errors;
    }

    /** {@code where}: the ARGC_* context words its fetch arguments are resolved under. */
    private static int one(ParseContext ctx, String fmt, boolean http, int cap, Position at, String what, ProxyBuilder px, String where) {
        org.jhaproxy.config.model.ArgScope before = ctx.argScope();
        ctx.argScope(new org.jhaproxy.config.model.ArgScope(px, where, at));
        try {
            Conditions.logFormat(ctx, fmt, http, cap);
            return 0;
        } catch (ExprError e) {
            ctx.diag().alert(String.format("Parsing [%s:%d]: failed to parse %s : %s.",
                    at == null ? "" : at.file(), at == null ? 0 : at.line(), what, e.getMessage()));
            return 1;
        } finally {
            ctx.argScope(before);
        }
    }
}
