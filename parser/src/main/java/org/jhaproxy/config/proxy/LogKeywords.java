package org.jhaproxy.config.proxy;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.log.LogTargetParser;
import org.jhaproxy.config.model.LogFormatSource;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.model.ProxyCapability;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The logging keywords of proxies: "log" targets, log-format, log-format-sd, error-log-format,
 * log-tag, unique-id-format and unique-id-header. The format strings are only stored here; they
 * are compiled by check_config_validity().
 */
final class LogKeywords {
    private LogKeywords() {
    }

    /** "log global", "no log", or a log target: h1's parse_logsrv() port. */
    static int log(ParseContext ctx, Line line, ProxyBuilder px) {
        return LogTargetParser.parseAndReport(ctx, line, px.logSettings().targets(), ctx.config().global().logTargets());
    }

    private static int singleArg(ParseContext ctx, Line line) {
        if (line.arg(1).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("%s expects an argument.", line.arg(0)));
        }
        if (!line.arg(2).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("%s expects only one argument, don't forget to escape spaces!", line.arg(0)));
        }
        return ErrCode.NONE;
    }

    private static int ignoredInBackend(ParseContext ctx, Line line, ProxyBuilder px) {
        if (!px.isDefaults() && !px.has(ProxyCapability.FRONTEND)) {
            return ProxyChecks.warn(ctx, line, String.format("backend '%s' : '%s' directive is ignored in backends.", px.name(), line.arg(0)));
        }
        return ErrCode.NONE;
    }

    static int logFormat(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = singleArg(ctx, line);
        if (err != 0) {
            return err;
        }
        if (px.logSettings().format() != null && px.isDefaults()) {
            ctx.diag().warning(String.format("parsing [%s:%d]: 'log-format' overrides previous '%s' in 'defaults' section.",
                    line.file(), line.lineNo(), px.logSettings().formatSource().directive()));
        }
        px.logSettings().format(line.arg(1), LogFormatSource.CUSTOM, new Position(line.file(), line.lineNo()));
        return ignoredInBackend(ctx, line, px);
    }

    static int logFormatSd(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = singleArg(ctx, line);
        if (err != 0) {
            return err;
        }
        px.logSettings().formatSd(line.arg(1), new Position(line.file(), line.lineNo()));
        return ignoredInBackend(ctx, line, px);
    }

    static int errorLogFormat(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = singleArg(ctx, line);
        if (err != 0) {
            return err;
        }
        if (px.logSettings().errorFormat() != null && px.isDefaults()) {
            ctx.diag().warning(String.format("parsing [%s:%d]: 'error-log-format' overrides previous 'error-log-format' in 'defaults' section.",
                    line.file(), line.lineNo()));
        }
        px.logSettings().errorFormat(line.arg(1), new Position(line.file(), line.lineNo()));
        return ignoredInBackend(ctx, line, px);
    }

    static int uniqueIdFormat(ParseContext ctx, Line line, ProxyBuilder px) {
        int err = singleArg(ctx, line);
        if (err == 0) {
            px.logSettings().uniqueIdFormat(line.arg(1), new Position(line.file(), line.lineNo()));
        }
        return err;
    }

    static int uniqueIdHeader(ParseContext ctx, Line line, ProxyBuilder px) {
        if (line.arg(1).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("%s expects an argument.", line.arg(0)));
        }
        return ErrCode.NONE;
    }

    static int logTag(ParseContext ctx, Line line, ProxyBuilder px) {
        if (line.arg(1).isEmpty()) {
            return ProxyChecks.alert(ctx, line, String.format("'%s' expects a tag for use in syslog.", line.arg(0)));
        }
        return ErrCode.NONE;
    }
}
