package org.jhaproxy.config.rules;

import org.jhaproxy.config.acl.AclCondition;
import org.jhaproxy.config.logformat.LogFormat;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The entry points other keywords use for a condition or a log-format (e.g. "stats admin if",
 * "log-format", "unique-id-format"). Errors come back as HAProxy's inner message (the text
 * after "... : "), for the caller to wrap in its own sentence exactly as HAProxy does.
 */
public final class Conditions {
    private Conditions() {
    }

    /**
     * build_acl_cond() on {@code line} from word {@code start} ("if" or "unless") to the end,
     * using the proxy's ACLs.
     */
    public static AclCondition parse(ParseContext ctx, Line line, int start, ProxyBuilder px) throws ExprError {
        return RuleParsers.of(ctx).conditions().parse(line.args(), start, px.rules().acls(), new Position(line.file(), line.lineNo()));
    }

    /**
     * parse_logformat_string(): {@code cap} are the {@link org.jhaproxy.config.sample.CheckPlace}
     * bits where the format is evaluated (FE_LOG_END for logs), {@code httpMode} whether the
     * proxy is in HTTP mode (some variables require it).
     */
    public static LogFormat logFormat(ParseContext ctx, String fmt, boolean httpMode, int cap) throws ExprError {
        return RuleParsers.of(ctx).logFormats().parse(fmt, httpMode, cap);
    }
}
