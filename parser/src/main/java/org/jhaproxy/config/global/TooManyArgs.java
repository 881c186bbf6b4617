package org.jhaproxy.config.global;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * The argument-count checks of cfgparse.c: alertif_too_many_args() prints the alert itself,
 * too_many_args() only builds the message for a keyword parser that reports through errmsg.
 */
public final class TooManyArgs {
    private TooManyArgs() {
    }

    /** The message when more than {@code max} words follow word {@code index}, else null. */
    public static String message(Line line, int max, int index) {
        String extra = line.arg(index + max + 1);
        if (extra.isEmpty()) {
            return null;
        }
        StringBuilder kw = new StringBuilder(line.arg(0));
        for (int i = 1; i <= index; i++) {
            kw.append(' ').append(line.arg(i));
        }
        return String.format("'%s' cannot handle unexpected argument '%s'.", kw, extra);
    }

    public static String message(Line line, int max) {
        return message(line, max, 0);
    }

    /** Alerts and returns ALERT_FATAL when there are too many words, else 0. */
    public static int alertIf(ParseContext ctx, Line line, int max) {
        return alertIf(ctx, line, max, 0);
    }

    public static int alertIf(ParseContext ctx, Line line, int max, int index) {
        String msg = message(line, max, index);
        if (msg == null) {
            return ErrCode.NONE;
        }
        ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), msg));
        return ErrCode.ALERT_FATAL;
    }
}
