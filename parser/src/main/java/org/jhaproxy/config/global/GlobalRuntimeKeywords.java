package org.jhaproxy.config.global;

import static org.jhaproxy.config.global.ModuleKeyword.handler;
import static org.jhaproxy.config.global.ModuleKeyword.tooMany;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.global.ModuleKeyword.Outcome;
import org.jhaproxy.config.keyword.KeywordHandler;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * Global keywords registered by the runtime modules: stopping delays (proxy.c), threads
 * (thread.c), the master process (mworker.c), memory and scheduling tunables (pool.c, task.c,
 * fd.c, listener.c, server.c, activity.c, vars.c, peers.c), default-path (cfgparse.c).
 * Each parser keeps HAProxy's own wording, which differs from one module to the other.
 */
final class GlobalRuntimeKeywords {
    private GlobalRuntimeKeywords() {
    }

    static Outcome onOff(Line line) {
        Outcome tm = tooMany(line, 1);
        if (tm != null) {
            return tm;
        }
        if (!line.arg(1).equals("on") && !line.arg(1).equals("off")) {
            return Outcome.error("'%s' expects either 'on' or 'off' but got '%s'.", line.keyword(), line.arg(1));
        }
        return Outcome.OK;
    }

    /** proxy.c's grace / hard-stop-after / close-spread-time. */
    static Outcome stopDelay(ParseContext ctx, Line line, boolean infiniteOk) {
        if (line.arg(1).isEmpty()) {
            return Outcome.error("'%s' expects <time> as argument.\n", line.keyword());
        }
        if (infiniteOk && line.arg(1).equals("infinite")) {
            return Outcome.OK;
        }
        TimeValue tv = TimeValue.parse(line.arg(1), TimeValue.MS, ctx.diag());
        return switch (tv.status()) {
            case OVERFLOW -> Outcome.error("timer overflow in argument '%s' to '%s' (maximum value is 2147483647 ms or ~24.8 days)",
                    line.arg(1), line.keyword());
            case UNDERFLOW -> Outcome.error("timer underflow in argument '%s' to '%s' (minimum non-null value is 1 ms)",
                    line.arg(1), line.keyword());
            case BAD_CHAR -> Outcome.error("unexpected character '%s' in argument to <%s>.\n",
                    GlobalTuneKeywords.charText(tv.badChar()), line.keyword());
            default -> Outcome.OK;
        };
    }

    static Outcome nbthread(ParseContext ctx, Line line, GlobalBuilder g) {
        Outcome tm = tooMany(line, 1);
        if (tm != null) {
            return tm;
        }
        String v = line.arg(1);
        Long n = strictLong(v);
        if (v.isEmpty() || n == null) {
            return Outcome.error("'%s' passed a missing or unparsable integer value in '%s'", line.keyword(), v);
        }
        if (n < 1 || n > 64) {
            return Outcome.error("'%s' value must be between 1 and %d (was %d)", line.keyword(), 64, n);
        }
        if (g.number("nbthread") != 0 && ctx.diag().diagMode()) {
            ctx.diag().diag(String.format("parsing [%s:%d] : '%s' is already defined and will be overridden.",
                    line.file(), line.lineNo(), line.keyword()));
        }
        g.number("nbthread", n);
        return Outcome.OK;
    }

    /** strtol() that must consume the whole text (leading blanks and a sign allowed). */
    static Long strictLong(String v) {
        String s = v.stripLeading();
        if (s.isEmpty()) {
            return null;
        }
        int i = (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        if (i == s.length()) {
            return null;
        }
        for (int j = i; j < s.length(); j++) {
            if (s.charAt(j) < '0' || s.charAt(j) > '9') {
                return null;
            }
        }
        return CNumber.atol(s);
    }

    /**
     * mworker-max-reloads: its parser returns ERR_* bits where a status is expected, so
     * cfg_parse_global() takes an error for a warning and prints the message with a "(null)"
     * where the previous error text would go.
     */
    static KeywordHandler<GlobalBuilder> mworkerMaxReloads() {
        return (ctx, line, g) -> {
            int err = TooManyArgs.alertIf(ctx, line, 1);
            if (err != 0) {
                ctx.diag().warning(String.format("parsing [%s:%d] : (null)", line.file(), line.lineNo()));
                return err | ErrCode.WARN;
            }
            String msg = null;
            if (line.arg(1).isEmpty()) {
                msg = String.format("(null)parsing [%s:%d] : '%s' expects an integer argument.\n", line.file(), line.lineNo(), line.keyword());
            } else if (CNumber.atoi(line.arg(1)) < 0) {
                msg = String.format("(null)parsing [%s:%d] '%s' : invalid value %d, must be >= 0", line.file(), line.lineNo(),
                        line.keyword(), CNumber.atoi(line.arg(1)));
            }
            if (msg != null) {
                ctx.diag().warning(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), msg.endsWith("\n") ? msg + "\n" : msg));
                return ErrCode.WARN;
            }
            GlobalInt.record(line, g);
            return ErrCode.NONE;
        };
    }

    static Outcome defaultPath(ParseContext ctx, Line line, GlobalBuilder g) {
        String mode = line.arg(1);
        if (!mode.equals("current") && !mode.equals("config") && !mode.equals("parent") && !mode.equals("origin")) {
            return Outcome.error("%s default-path mode '%s' for '%s', supported modes include 'current', 'config', 'parent', and 'origin'.",
                    mode.isEmpty() ? "missing" : "unsupported", mode, line.keyword());
        }
        if (mode.equals("origin") && line.arg(2).isEmpty()) {
            return Outcome.error("'%s %s' expects a directory as an argument.", line.keyword(), mode);
        }
        ctx.env().defaultPath(mode, line.arg(2), line.file());
        return Outcome.OK;
    }

    static Outcome percent(Line line) {
        Outcome tm = tooMany(line, 1);
        if (tm != null) {
            return tm;
        }
        int v = CNumber.atoi(line.arg(1));
        if (v < 0 || v > 100) {
            return Outcome.error("'%s' expects a numeric value between 0 and 100.", line.keyword());
        }
        return Outcome.OK;
    }

    static Outcome noArg(Line line) {
        Outcome tm = tooMany(line, 0);
        return tm != null ? tm : Outcome.OK;
    }

    static KeywordHandler<GlobalBuilder> accept() {
        return handler((c, l, g) -> Outcome.OK);
    }
}
