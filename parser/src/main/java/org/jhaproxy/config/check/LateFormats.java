package org.jhaproxy.config.check;

import org.jhaproxy.config.model.ArgScope;
import org.jhaproxy.config.model.BackendRef;
import org.jhaproxy.config.model.LogFormatSource;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.rules.LateRuleChecks;
import org.jhaproxy.config.source.ParseContext;

/**
 * The log-format strings check_config_validity() compiles rather than the parsers: dynamic
 * use_backend names, then the proxy's log-format, log-format-sd, unique-id-format and
 * error-log-format. Their fetch arguments join the proxy's list with the context HAProxy gives
 * them (ARGC_UBK, ARGC_LOG, ARGC_LOGSD, ARGC_UIF), to be resolved right after.
 */
final class LateFormats {
    private LateFormats() {
    }

    static int useBackend(ParseContext ctx, ProxyBuilder px, BackendRef ref) {
        return scoped(ctx, new ArgScope(px, "in use_backend expression in", ref.at()),
                () -> LateRuleChecks.compileUseBackend(ctx, px, ref));
    }

    /**
     * A frontend's log-format and log-format-sd (a backend's are dropped unparsed). Returns the
     * failures as bits: 1 the log-format, 2 the log-format-sd (a failed format stays empty).
     */
    static int logFormats(ParseContext ctx, ProxyBuilder px) {
        int failed = 0;
        if (px.has(ProxyCapability.FRONTEND)) {
            String lf = px.logFormat();
            if (lf != null && px.logFormatSource() == LogFormatSource.CUSTOM && px.logFormatAt() != null
                    && format(ctx, px, "log-format", lf, px.logFormatAt(), "in log-format string in") > 0) {
                failed |= 1;
            }
            String sd = px.logFormatSd();
            if (sd != null && px.logFormatSdAt() != null
                    && format(ctx, px, "log-format-sd", sd, px.logFormatSdAt(), "in log-format-sd string in") > 0) {
                failed |= 2;
            }
        }
        return failed;
    }

    /** unique-id-format then error-log-format, after the log formats. */
    static int otherFormats(ParseContext ctx, ProxyBuilder px) {
        int errors = 0;
        if (px.uniqueIdFormat() != null && px.uniqueIdFormatAt() != null) {
            errors += format(ctx, px, "unique-id", px.uniqueIdFormat(), px.uniqueIdFormatAt(), "in unique-id-format string in");
        }
        if (px.errorLogFormat() != null && px.errorLogFormatAt() != null) {
            errors += format(ctx, px, "error-log-format", px.errorLogFormat(), px.errorLogFormatAt(), "in log-format string in");
        }
        return errors;
    }

    private static int format(ParseContext ctx, ProxyBuilder px, String kind, String fmt, Position at, String where) {
        return scoped(ctx, new ArgScope(px, where, at), () -> LateRuleChecks.compileLogFormat(ctx, px, kind, fmt, at));
    }

    private static int scoped(ParseContext ctx, ArgScope scope, java.util.function.IntSupplier compile) {
        ArgScope before = ctx.argScope();
        ctx.argScope(scope);
        try {
            return compile.getAsInt();
        } finally {
            ctx.argScope(before);
        }
    }
}
