package org.jhaproxy.config.global;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.KeywordHandler;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The shape most numeric keywords of cfg_parse_global() share: one argument read with atol(),
 * "'X' already specified. Continuing." (an alert that does not fail) when the value is already
 * non-zero, and "'X' expects an integer argument." when it is missing.
 */
final class GlobalInt {
    private GlobalInt() {
    }

    static KeywordHandler<GlobalBuilder> once(String expects) {
        return handler(true, expects, 1);
    }

    static KeywordHandler<GlobalBuilder> any(String expects) {
        return handler(false, expects, 1);
    }

    static KeywordHandler<GlobalBuilder> handler(boolean once, String expects, long multiplier) {
        return (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            String kw = line.keyword();
            if (once && g.number(kw) != 0) {
                return alreadySpecified(ctx, line);
            }
            if (line.arg(1).isEmpty()) {
                return alert(ctx, line, String.format("'%s' %s", kw, expects));
            }
            g.number(kw, CNumber.atol(line.arg(1)) * multiplier);
            record(line, g);
            return ErrCode.NONE;
        };
    }

    static int alreadySpecified(ParseContext ctx, Line line) {
        ctx.diag().alert(String.format("parsing [%s:%d] : '%s' already specified. Continuing.", line.file(), line.lineNo(), line.keyword()));
        return ErrCode.ALERT;
    }

    /** "parsing [file:line] : text" as a fatal alert. */
    static int alert(ParseContext ctx, Line line, String text) {
        ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), text));
        return ErrCode.ALERT_FATAL;
    }

    /** "parsing [file:line]: text" (no space before the colon), the other shape cfgparse-global.c uses. */
    static int alertNoSpace(ParseContext ctx, Line line, String text) {
        ctx.diag().alert(String.format("parsing [%s:%d]: %s", line.file(), line.lineNo(), text));
        return ErrCode.ALERT_FATAL;
    }

    static void record(Line line, GlobalBuilder g) {
        g.set(line.keyword(), new Position(line.file(), line.lineNo()), line.args().subList(1, line.count()));
    }
}
