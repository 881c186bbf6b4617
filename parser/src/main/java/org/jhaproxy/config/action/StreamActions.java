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

    /** The multiplexers get_mux_proto() knows in a build without QUIC. */
    private static final List<String> MUX_PROTOCOLS = List.of("h1", "h2", "fcgi", "none");

    /** tcp-request content switch-mode http [proto &lt;mux&gt;] (stream_parse_switch_mode()). */
    static int switchMode(ActionContext ac, int cur) throws ExprError {
        String head = "'" + ac.arg(0) + " " + ac.arg(cur - 1) + "'";
        if (ac.arg(cur).isEmpty()) {
            throw new ExprError(head + " expects a mode as argument.");
        }
        if (!ac.frontend()) {
            throw new ExprError(String.format("%s not allowed because %s '%s' has no frontend capability", head,
                    ac.px().typeString(), ac.px().name()));
        }
        if (!ac.arg(cur).equals("http")) {
            throw new ExprError(String.format("%s expects a valid mode (got '%s').", head, ac.arg(cur)));
        }
        if (ac.arg(cur + 1).equals("proto")) {
            String proto = ac.arg(cur + 2);
            if (proto.isEmpty()) {
                throw new ExprError(String.format("%s: 'proto' expects a protocol as argument.", head));
            }
            if (!MUX_PROTOCOLS.contains(proto)) {
                throw new ExprError(String.format("%s: 'proto' expects a valid MUX protocol, if specified (got '%s')", head, proto));
            }
            cur += 2;
        }
        return cur + 1;
    }

    /** http-request/response wait-for-body time &lt;time&gt; [at-least &lt;bytes&gt;] (parse_http_wait_for_body()). */
    static int waitForBody(ActionContext ac, int cur) throws ExprError {
        String usage = "expects time <time> [ at-least <bytes> ]";
        if (ac.arg(cur).isEmpty()) {
            throw new ExprError(usage);
        }
        boolean time = false;
        while (!ac.arg(cur).isEmpty()) {
            String kw = ac.arg(cur);
            if (!kw.equals("time") && !kw.equals("at-least")) {
                break;
            }
            String v = ac.arg(cur + 1);
            if (v.isEmpty()) {
                throw new ExprError("missing argument for '" + kw + "'");
            }
            if (kw.equals("time")) {
                TimeArg t = TimeArg.parseMs(v, null);
                switch (t.kind()) {
                    case OVERFLOW -> throw new ExprError("time overflow (maximum value is 2147483647 ms or ~24.8 days)");
                    case UNDERFLOW -> throw new ExprError("time underflow (minimum non-null value is 1 ms)");
                    case BAD_CHAR -> throw new ExprError("unexpected character '" + t.bad() + "'");
                    default -> time = true;
                }
            } else if (org.jhaproxy.config.sample.Units.parseSize(v) == null) {
                throw new ExprError("unexpected character '" + firstNonDigit(v) + "'");
            }
            cur += 2;
        }
        if (!time) {
            throw new ExprError(usage);
        }
        return cur;
    }

    private static char firstNonDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return ' ';
    }
}
