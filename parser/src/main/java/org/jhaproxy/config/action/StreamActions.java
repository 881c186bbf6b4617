package org.jhaproxy.config.action;

import java.util.List;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.server.TimeArg;

/**
 * Actions acting on the stream itself: set-log-level, set-nice (stream.c parsers shared by the
 * tcp and http rule sets) and http-request set-timeout (http_act.c, cfg_parse_rule_set_timeout()).
 */
final class StreamActions {
    /** get_log_level()'s names, plus "silent". */
    private static final List<String> LEVELS = List.of("emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
            "silent");

    private StreamActions() {
    }

    static int setLogLevel(ActionContext ac, int cur) throws ExprError {
        if (!LEVELS.contains(ac.arg(cur))) {
            throw new ExprError("expects exactly 1 argument (log level name or 'silent')");
        }
        return cur + 1;
    }

    static int setNice(ActionContext ac, int cur) throws ExprError {
        if (ac.arg(cur).isEmpty()) {
            throw new ExprError("expects exactly 1 argument (integer value)");
        }
        return cur + 1;
    }

    /** set-timeout server|tunnel &lt;time or expr&gt;, only where a backend may be chosen. */
    static int setTimeout(ActionContext ac, int cur) throws ExprError {
        if (ac.arg(cur).isEmpty() || ac.arg(cur + 1).isEmpty()) {
            throw new ExprError("expects exactly 2 arguments");
        }
        if (!ac.backend()) {
            throw new ExprError("proxy '" + ac.px().name() + "' has no backend capability");
        }
        String name = ac.arg(cur);
        if (!name.equals("server") && !name.equals("tunnel")) {
            throw new ExprError("'set-timeout' rule supports 'server'/'tunnel' (got '" + name + "')");
        }
        String value = ac.arg(cur + 1);
        TimeArg t = TimeArg.parseMs(value, null);
        switch (t.kind()) {
            case OVERFLOW -> throw new ExprError(String.format("timer overflow in argument '%s' to rule 'set-timeout %s' "
                    + "(maximum value is 2147483647 ms or ~24.8 days)", value, name));
            case UNDERFLOW -> throw new ExprError(String.format("timer underflow in argument '%s' to rule 'set-timeout %s' "
                    + "(minimum value is 1 ms)", value, name));
            case BAD_CHAR -> {
                try {
                    ac.parsers().samples().parse(ac.args(), cur + 1);
                } catch (ExprError e) {
                    throw new ExprError(String.format("unexpected character '%s' in rule 'set-timeout %s'",
                            t.bad() == '\0' ? "" : String.valueOf(t.bad()), name));
                }
            }
            default -> {
                if (t.value() == 0) {
                    throw new ExprError("null value is not valid for a 'set-timeout " + name + "' rule");
                }
            }
        }
        return cur + 2;
    }
}
