package org.jhaproxy.config.global;

import static org.jhaproxy.config.global.GlobalInt.alert;
import static org.jhaproxy.config.global.GlobalInt.alertNoSpace;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.KeywordTable;
import org.jhaproxy.config.model.GlobalBuilder;

/** The tune.* keywords parsed in code by cfg_parse_global() (the modules register their own). */
final class GlobalTuneKeywords {
    private GlobalTuneKeywords() {
    }

    static void register(KeywordTable<GlobalBuilder> t) {
        String integer = "expects an integer argument.";
        t.add("tune.runqueue-depth", "tune.runqueue-depth <number>", GlobalInt.once(integer));
        t.add("tune.maxpollevents", "tune.maxpollevents <number>", GlobalInt.once(integer));
        t.add("tune.maxaccept", "tune.maxaccept <number>", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            if (g.number(line.keyword()) != 0) {
                return GlobalInt.alreadySpecified(ctx, line);
            }
            if (line.arg(1).isEmpty()) {
                return alert(ctx, line, String.format("'%s' %s", line.keyword(), integer));
            }
            long max = CNumber.atol(line.arg(1));
            if (max > Integer.MAX_VALUE) {
                return alert(ctx, line, String.format("'%s' expects -1 or an integer from 0 to INT_MAX.", line.keyword()));
            }
            g.number(line.keyword(), max);
            return ErrCode.NONE;
        });
        t.add("tune.chksize", "removed", (ctx, line, g) -> alertNoSpace(ctx, line,
                String.format("option '%s' is not supported any more (tune.bufsize is used instead).", line.keyword())));
        t.add("tune.recv_enough", "tune.recv_enough <bytes>", GlobalInt.any(integer));
        t.add("tune.buffers.limit", "tune.buffers.limit <number>", GlobalInt.any(integer));
        t.add("tune.buffers.reserve", "tune.buffers.reserve <number>", GlobalInt.any(integer));
        t.add("tune.bufsize", "tune.bufsize <bytes>", (ctx, line, g) -> positive(ctx, line, g, true));
        t.add("tune.maxrewrite", "tune.maxrewrite <bytes>", (ctx, line, g) -> positive(ctx, line, g, false));
        t.add("tune.idletimer", "tune.idletimer <timeout>", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            String range = String.format("'%s' expects a timer value between 0 and 65535 ms.", line.keyword());
            if (line.arg(1).isEmpty()) {
                return alert(ctx, line, range);
            }
            TimeValue tv = TimeValue.parse(line.arg(1), TimeValue.MS, ctx.diag());
            switch (tv.status()) {
                case OVERFLOW:
                    return alertNoSpace(ctx, line, String.format("timer overflow in argument <%s> to <%s>, maximum value is 65535 ms.",
                            line.arg(1), line.keyword()));
                case UNDERFLOW:
                    return alertNoSpace(ctx, line, String.format("timer underflow in argument <%s> to <%s>, minimum non-null value is 1 ms.",
                            line.arg(1), line.keyword()));
                case BAD_CHAR:
                    return alertNoSpace(ctx, line, String.format("unexpected character '%s' in argument to <%s>.",
                            charText(tv.badChar()), line.keyword()));
                default:
                    break;
            }
            if (tv.value() > 65535) {
                return alert(ctx, line, range);
            }
            return ErrCode.NONE;
        });
        t.add("tune.rcvbuf.client", "tune.rcvbuf.client <bytes>", GlobalInt.once(integer));
        t.add("tune.rcvbuf.server", "tune.rcvbuf.server <bytes>", GlobalInt.once(integer));
        t.add("tune.sndbuf.client", "tune.sndbuf.client <bytes>", GlobalInt.once(integer));
        t.add("tune.sndbuf.server", "tune.sndbuf.server <bytes>", GlobalInt.once(integer));
        t.add("tune.pipesize", "tune.pipesize <bytes>", GlobalInt.any(integer));
        t.add("tune.http.cookielen", "tune.http.cookielen <length>", GlobalInt.any(integer));
        t.add("tune.http.logurilen", "tune.http.logurilen <length>", GlobalInt.any(integer));
        t.add("tune.http.maxhdr", "tune.http.maxhdr <number>", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            if (line.arg(1).isEmpty()) {
                return alert(ctx, line, String.format("'%s' %s", line.keyword(), integer));
            }
            int v = CNumber.atoi(line.arg(1));
            if (v < 1 || v > 32767) {
                return alert(ctx, line, String.format("'%s' expects a numeric value between 1 and 32767", line.keyword()));
            }
            return ErrCode.NONE;
        });
        t.add("tune.comp.maxlevel", "tune.comp.maxlevel <1..9>", (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                return err;
            }
            int v = CNumber.atoi(line.arg(1));
            if (line.arg(1).isEmpty() || v < 1 || v > 9) {
                return alert(ctx, line, String.format("'%s' expects a numeric value between 1 and 9", line.keyword()));
            }
            return ErrCode.NONE;
        });
        t.add("tune.pattern.cache-size", "tune.pattern.cache-size <entries>", (ctx, line, g) -> {
            if (line.arg(1).isEmpty() || CNumber.atoi(line.arg(1)) < 0) {
                return alert(ctx, line, String.format("'%s' expects a positive numeric value", line.keyword()));
            }
            return ErrCode.NONE;
        });
    }

    /** tune.bufsize (rounded up to 16 bytes first) and tune.maxrewrite must not end negative. */
    private static int positive(org.jhaproxy.config.source.ParseContext ctx, org.jhaproxy.config.source.Line line,
                                GlobalBuilder g, boolean bufsize) {
        int err = TooManyArgs.alertIf(ctx, line, 1);
        if (err != 0) {
            return err;
        }
        if (line.arg(1).isEmpty()) {
            return alert(ctx, line, String.format("'%s' expects an integer argument.", line.keyword()));
        }
        int v = (int) CNumber.atol(line.arg(1));
        if (bufsize) {
            v = (v + 15) & -16;
        }
        if (bufsize ? v <= 0 : v < 0) {
            return alert(ctx, line, String.format("'%s' expects a positive integer argument.", line.keyword()));
        }
        g.number(line.keyword(), v);
        return ErrCode.NONE;
    }

    /** How "%c" prints a character: the NUL of an empty string prints nothing. */
    static String charText(char c) {
        return c == '\0' ? "\0" : String.valueOf(c);
    }
}
