package org.jhaproxy.config.rules;

import org.jhaproxy.config.acl.AclConditionParser;
import org.jhaproxy.config.acl.AclExprParser;
import org.jhaproxy.config.logformat.LogFormatParser;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.config.source.ParseContext;

/**
 * The expression parsers a rule needs, bound to one configuration load: files named by ACLs
 * and maps are opened relative to the process's directory, warnings go to its diagnostics.
 */
public final class RuleParsers {
    private final AclConditionParser conditions;
    private final SampleExprParser samples;
    private final LogFormatParser logFormats;

    private RuleParsers(ParseContext ctx) {
        AclExprParser exprs = new AclExprParser(SampleRegistry.standard(), ctx.env()::resolve, ctx.diag()::warning);
        this.conditions = new AclConditionParser(exprs);
        this.samples = exprs.samples();
        this.samples.listener((expr, kw, acl) -> org.jhaproxy.config.check.PendingArgs.record(ctx, expr, kw, acl));
        this.logFormats = new LogFormatParser(samples);
    }

    public static RuleParsers of(ParseContext ctx) {
        return new RuleParsers(ctx);
    }

    public AclConditionParser conditions() {
        return conditions;
    }

    public SampleExprParser samples() {
        return samples;
    }

    public LogFormatParser logFormats() {
        return logFormats;
    }
}
