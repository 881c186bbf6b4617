package org.jhaproxy.config.rules;

import org.jhaproxy.config.model.BackendRef;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.model.ProxyMode;
import org.jhaproxy.config.sample.CheckPlace;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.source.ParseContext;

/**
 * The log-format strings HAProxy compiles in check_config_validity() rather than while
 * parsing: dynamic use_backend names and the proxy's log-format, log-format-sd, unique-id-format
 * and error-log-format. Each method prints HAProxy's alert and returns the number of errors
 * (0 or 1), for ConfigValidity to add to its count at the place HAProxy checks them.
 */
public final class LateRuleChecks {
    private LateRuleChecks() {
    }

    static boolean httpMode(ProxyBuilder px) {
        return px.mode() == ProxyMode.HTTP;
    }

    /** A use_backend name holding a log-format ("Parsing [...]: failed to parse use_backend rule"). */
    public static int compileUseBackend(ParseContext ctx, ProxyBuilder px, BackendRef ref) {
        try {
            Conditions.logFormat(ctx, ref.name(), httpMode(px), CheckPlace.FE_HRQ_HDR.bit());
            return 0;
        } catch (ExprError e) {
            ctx.diag().alert(String.format("Parsing [%s:%d]: failed to parse use_backend rule '%s' : %s.",
                    ref.at().file(), ref.at().line(), ref.name(), e.getMessage()));
            return 1;
        }
    }

    /**
     * One of the proxy's formats: {@code kind} is "log-format", "log-format-sd", "unique-id"
     * or "error-log-format", as HAProxy names it in "failed to parse %s".
     */
    public static int compileLogFormat(ParseContext ctx, ProxyBuilder px, String kind, String fmt, Position at) {
        int places;
        if (kind.equals("unique-id")) {
            places = 0;
            if (ProxyTypes.has(px, ProxyCapability.FRONTEND)) {
                places |= CheckPlace.FE_HRQ_HDR.bit();
            }
            if (ProxyTypes.has(px, ProxyCapability.BACKEND)) {
                places |= CheckPlace.BE_HRQ_HDR.bit();
            }
        } else {
            places = CheckPlace.FE_LOG_END.bit();
        }
        try {
            Conditions.logFormat(ctx, fmt, httpMode(px), places);
            return 0;
        } catch (ExprError e) {
            ctx.diag().alert(String.format("Parsing [%s:%d]: failed to parse %s : %s.", at.file(), at.line(), kind, e.getMessage()));
            return 1;
        }
    }

    /**
     * The tables named by "stick" rules (or the proxy's own table) must exist: "unable to find
     * stick-table" for on/match/store-request, "unable to find store table" for store-response.
     * Tables of peers sections ("peers/table") are left to the peers checks.
     */
    public static int checkStickRules(ParseContext ctx, ProxyBuilder px) {
        int errors = 0;
        for (boolean response : new boolean[] {false, true}) {
            for (org.jhaproxy.config.model.ProxyRules.StickRule r : px.rules().stickRules()) {
                if (r.kind().equals("store-response") != response) {
                    continue;
                }
                String name = r.table() != null ? r.table() : px.name();
                if (name.contains("/") || tableExists(ctx, r.table(), px)) {
                    continue;
                }
                ctx.diag().alert(String.format("Proxy '%s': unable to find %s '%s'.", px.name(),
                        response ? "store table" : "stick-table", name));
                errors++;
            }
        }
        return errors;
    }

    private static boolean tableExists(ParseContext ctx, String name, ProxyBuilder px) {
        if (name == null) {
            return px.rules().stickTable() != null;
        }
        for (ProxyBuilder p : ctx.config().proxies()) {
            if (p.name().equals(name) && p.rules().stickTable() != null) {
                return true;
            }
        }
        return false;
    }
}
