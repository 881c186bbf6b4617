package org.jhaproxy.config.global;

import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.keyword.KeywordHandler;
import org.jhaproxy.config.model.GlobalBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * A global keyword registered by a module (a cfg_kw_list entry): its parser returns a status
 * and a message, and cfg_parse_global() prints "parsing [f:l] : &lt;msg&gt;" as an alert when the
 * status is negative, as a warning when positive. Experimental keywords are refused until
 * "expose-experimental-directives" was seen (check_kw_experimental()).
 */
@FunctionalInterface
interface ModuleKeyword {

    /** The outcome of a module parser: rc &lt; 0 error, rc &gt; 0 warning, 0 fine. */
    record Outcome(int rc, String message) {
        static final Outcome OK = new Outcome(0, null);

        static Outcome error(String msg) {
            return new Outcome(-1, msg);
        }

        static Outcome error(String fmt, Object... args) {
            return new Outcome(-1, String.format(fmt, args));
        }

        static Outcome warning(String msg) {
            return new Outcome(1, msg);
        }
    }

    Outcome parse(ParseContext ctx, Line line, GlobalBuilder g);

    static KeywordHandler<GlobalBuilder> handler(ModuleKeyword p) {
        return handler(p, false);
    }

    static KeywordHandler<GlobalBuilder> experimental(ModuleKeyword p) {
        return handler(p, true);
    }

    private static KeywordHandler<GlobalBuilder> handler(ModuleKeyword p, boolean experimental) {
        return (ctx, line, g) -> {
            if (experimental && !g.experimentalAllowed()) {
                ctx.diag().alert(String.format("parsing [%s:%d] : '%s' directive is experimental, must be allowed via a global "
                        + "'expose-experimental-directives'", line.file(), line.lineNo(), line.keyword()));
                return ErrCode.ALERT_FATAL;
            }
            Outcome o = p.parse(ctx, line, g);
            if (o.rc() < 0) {
                ctx.diag().alert(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), withNewline(o.message())));
                return ErrCode.ALERT_FATAL;
            }
            if (o.rc() > 0) {
                ctx.diag().warning(String.format("parsing [%s:%d] : %s", line.file(), line.lineNo(), withNewline(o.message())));
                return ErrCode.WARN;
            }
            GlobalInt.record(line, g);
            return ErrCode.NONE;
        };
    }

    /** A message ending with its own newline is followed by the empty line HAProxy prints. */
    private static String withNewline(String msg) {
        return msg.endsWith("\n") ? msg + "\n" : msg;
    }

    /** too_many_args(): the message as an error outcome, or null when the count is fine. */
    static Outcome tooMany(Line line, int max) {
        String msg = TooManyArgs.message(line, max);
        return msg == null ? null : Outcome.error(msg);
    }
}
