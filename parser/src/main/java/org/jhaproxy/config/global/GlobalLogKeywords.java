package org.jhaproxy.config.global;

import static org.jhaproxy.config.global.GlobalInt.alert;
import static org.jhaproxy.config.global.GlobalInt.alertNoSpace;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.log.LogTargetParser;
import org.jhaproxy.config.model.GlobalBuilder;

/**
 * Logging and health-check pacing keywords parsed in code by cfg_parse_global(): log,
 * log-send-hostname, log-tag, spread-checks, max-spread-checks, server-state-base/-file.
 */
final class GlobalLogKeywords {
    private GlobalLogKeywords() {
    }

    static void register(KeywordTable<GlobalBuilder> t) {
        t.add("log", "log <target> [len <n>] [format <f>] [sample <r>:<s>] <facility> [<level> [<minlevel>]]",
                (ctx, line, g) -> LogTargetParser.parseAndReport(ctx, line, g.logTargets(), g.logTargets()));
        t.add("log-send-hostname", "log-send-hostname [<name>]", (ctx, line, g) -> {
            if (g.isSet(line.keyword())) {
                return GlobalInt.alreadySpecified(ctx, line);
            }
            GlobalInt.record(line, g);
            return ErrCode.NONE;
        });
        t.add("log-tag", "log-tag <tag>", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            if (line.arg(1).isEmpty()) {
                return alert(ctx, line, String.format("'%s' expects a tag for use in syslog.", line.keyword()));
            }
            GlobalInt.record(line, g);
            return ErrCode.NONE;
        });
        t.add("server-state-base", "server-state-base <dir>", (ctx, line, g) -> serverState(ctx, line, g,
                "expects one argument: a directory path."));
        t.add("server-state-file", "server-state-file <file>", (ctx, line, g) -> serverState(ctx, line, g,
                "expect one argument: a file path."));
        t.add("spread-checks", "spread-checks <0..50>", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            if (g.number(line.keyword()) != 0) {
                ctx.diag().alert(String.format("parsing [%s:%d]: spread-checks already specified. Continuing.", line.file(), line.lineNo()));
                return ErrCode.ALERT;
            }
            if (line.arg(1).isEmpty()) {
                return alertNoSpace(ctx, line, String.format("'%s' expects an integer argument (0..50).", line.keyword()));
            }
            long v = CNumber.atol(line.arg(1));
            g.number(line.keyword(), v);
            if (v < 0 || v > 50) {
                return alertNoSpace(ctx, line, "'spread-checks' needs a positive value in range 0..50.");
            }
            return ErrCode.NONE;
        });
        t.add("max-spread-checks", "max-spread-checks <delay>", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            if (line.arg(1).isEmpty()) {
                return alertNoSpace(ctx, line, String.format("'%s' expects an integer argument (0..50).", line.keyword()));
            }
            TimeValue tv = TimeValue.parse(line.arg(1), TimeValue.MS, ctx.diag());
            return switch (tv.status()) {
                case OVERFLOW -> alertNoSpace(ctx, line, String.format("timer overflow in argument <%s> to <%s>, maximum value is "
                        + "2147483647 ms (~24.8 days).", line.arg(1), line.keyword()));
                case UNDERFLOW -> alertNoSpace(ctx, line, String.format("timer underflow in argument <%s> to <%s>, minimum non-null "
                        + "value is 1 ms.", line.arg(1), line.keyword()));
                case BAD_CHAR -> alertNoSpace(ctx, line, String.format("unsupported character '%s' in '%s' (wants an integer delay).",
                        GlobalTuneKeywords.charText(tv.badChar()), line.keyword()));
                default -> ErrCode.NONE;
            };
        });
    }

    /** server-state-base/-file: once; a missing argument is fatal without being an alert (ERR_FATAL only). */
    private static int serverState(org.jhaproxy.config.source.ParseContext ctx, org.jhaproxy.config.source.Line line,
                                   GlobalBuilder g, String expects) {
        if (g.isSet(line.keyword())) {
            return GlobalInt.alreadySpecified(ctx, line);
        }
        if (line.arg(1).isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s:%d] : '%s' %s", line.file(), line.lineNo(), line.keyword(), expects));
            return ErrCode.FATAL;
        }
        GlobalInt.record(line, g);
        return ErrCode.NONE;
    }
}
