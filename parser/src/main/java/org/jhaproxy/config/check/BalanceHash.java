package org.jhaproxy.config.check;

import java.util.List;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyMode;
import org.jhaproxy.config.rules.RuleParsers;
import org.jhaproxy.config.sample.CheckPlace;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExpr;
import org.jhaproxy.config.sample.SampleSources;
import org.jhaproxy.config.source.ParseContext;

/**
 * check_config_validity() compiles the expression of "balance hash &lt;expr&gt;" only once the
 * whole configuration is read: it must parse, be usable where a server is chosen, and an L6
 * fetch is ignored in HTTP mode. Messages name the proxy's own declaration line.
 */
final class BalanceHash {
    private BalanceHash() {
    }

    static int check(ParseContext ctx, ProxyBuilder px) {
        String expr = px.balance().hashExpr();
        if (expr == null || !"hash".equals(px.balance().algorithm())) {
            return ErrCode.NONE;
        }
        String head = String.format("%s '%s' [%s:%d]", px.typeString(), px.name(), px.at().file(), px.at().line());
        SampleExpr parsed;
        try {
            parsed = RuleParsers.of(ctx).samples().parse(List.of(expr), 0).expr();
        } catch (ExprError e) {
            ctx.diag().alert(String.format("%s: failed to parse 'balance hash' expression '%s' in : %s.", head, expr, e.getMessage()));
            return ErrCode.ALERT_FATAL;
        }
        String source = SampleSources.names(parsed.fetch());
        if (!parsed.fetch().usableAt(CheckPlace.BE_SET_SRV.bit())) {
            ctx.diag().alert(String.format("%s: error detected while parsing 'balance hash' expression '%s' which requires "
                    + "information from %s, which is not available here.", head, expr, source));
            return ErrCode.ALERT_FATAL;
        }
        if (px.mode() == ProxyMode.HTTP && source.equals("request buffer")) {
            ctx.diag().warning(String.format("%s: L6 sample fetch <%s> will be ignored in 'balance hash' expression in HTTP mode.",
                    head, expr));
            return ErrCode.WARN;
        }
        return ErrCode.NONE;
    }
}
