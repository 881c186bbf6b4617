package org.jhaproxy.config.rules;

import java.util.Map;
import java.util.Set;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.server.TimeArg;
import org.jhaproxy.config.source.ParseContext;

/**
 * The "store" list of a stick-table (stick_table.c parse_stick_table() and
 * stktable_alloc_data_type()): each data type with the argument it needs (a period for the
 * rates, an element count for the gpt/gpc/gpc_rate arrays) and the incompatible pairs.
 */
final class StickTableStore {
    /** Argument kind of each data type: N none, D delay, A array, AD array then delay. */
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("server_id", "N"), Map.entry("gpt0", "N"), Map.entry("gpc0", "N"), Map.entry("gpc0_rate", "D"),
            Map.entry("conn_cnt", "N"), Map.entry("conn_rate", "D"), Map.entry("conn_cur", "N"), Map.entry("sess_cnt", "N"),
            Map.entry("sess_rate", "D"), Map.entry("http_req_cnt", "N"), Map.entry("http_req_rate", "D"),
            Map.entry("http_err_cnt", "N"), Map.entry("http_err_rate", "D"), Map.entry("bytes_in_cnt", "N"),
            Map.entry("bytes_in_rate", "D"), Map.entry("bytes_out_cnt", "N"), Map.entry("bytes_out_rate", "D"),
            Map.entry("gpc1", "N"), Map.entry("gpc1_rate", "D"), Map.entry("server_key", "N"), Map.entry("http_fail_cnt", "N"),
            Map.entry("http_fail_rate", "D"), Map.entry("gpt", "A"), Map.entry("gpc", "A"), Map.entry("gpc_rate", "AD"));

    private static final int MAX_ARRAY = 100;

    private StickTableStore() {
    }

    /** Parses one "store" word into {@code stored}; returns the error bits (alerts are printed). */
    static int parse(ParseContext ctx, String where, String a0, String word, Set<String> stored) {
        int err = ErrCode.NONE;
        int p = 0;
        while (p < word.length()) {
            int start = p;
            String sa = null;
            String sa2 = null;
            String name = null;
            while (p < word.length() && word.charAt(p) != ',') {
                if (word.charAt(p) == '(') {
                    name = word.substring(start, p);
                    int close = word.indexOf(')', p);
                    if (close < 0) {
                        return alert(ctx, String.format("parsing [%s] : %s: missing closing parenthesis after store option '%s'.",
                                where, a0, name));
                    }
                    String inside = word.substring(p + 1, close);
                    int comma = inside.indexOf(',');
                    sa = comma < 0 ? inside : inside.substring(0, comma);
                    sa2 = comma < 0 ? null : inside.substring(comma + 1);
                    p = close;
                }
                p++;
            }
            if (name == null) {
                name = word.substring(start, p);
            }
            if (p < word.length()) {
                p++;
            }
            String kind = TYPES.get(name);
            if (kind == null) {
                return alert(ctx, String.format("parsing [%s] : %s: unknown store option '%s'.", where, a0, name));
            }
            if (stored.contains(name)) {
                ctx.diag().warning(String.format("parsing [%s]: %s: store option '%s' already enabled, ignored.", where, a0, name));
                err |= ErrCode.WARN;
                continue;
            }
            String problem = allocate(kind, sa, sa2);
            if (problem != null) {
                return alert(ctx, String.format("parsing [%s] : %s: %s '%s'.", where, a0, problem, name));
            }
            stored.add(name);
        }
        if (stored.contains("gpt") && stored.contains("gpt0")) {
            return alert(ctx, String.format("parsing [%s] : %s: simultaneous usage of 'gpt' and 'gpt0' in a same table is not "
                    + "permitted as 'gpt' overrides 'gpt0'.", where, a0));
        }
        if (stored.contains("gpc") && (stored.contains("gpc0") || stored.contains("gpc1"))) {
            return alert(ctx, String.format("parsing [%s] : %s: simultaneous usage of 'gpc' and 'gpc[0/1]' in a same table is not "
                    + "permitted as 'gpc' overrides 'gpc[0/1]'.", where, a0));
        }
        if (stored.contains("gpc_rate") && (stored.contains("gpc0_rate") || stored.contains("gpc1_rate"))) {
            return alert(ctx, String.format("parsing [%s] : %s: simultaneous usage of 'gpc_rate' and 'gpc[0/1]_rate' in a same "
                    + "table is not permitted as 'gpc_rate' overrides 'gpc[0/1]_rate'.", where, a0));
        }
        return err;
    }

    /** stktable_alloc_data_type(): the start of the message for a refused argument, or null. */
    private static String allocate(String kind, String sa, String sa2) {
        if (kind.startsWith("A")) {
            if (sa == null) {
                return "missing argument to store option";
            }
            int n = atol(sa);
            if (n == 0 || n > MAX_ARRAY) {
                return "array size is out of allowed range (1-" + MAX_ARRAY + ") for store option";
            }
            sa = sa2;
            kind = kind.substring(1);
        }
        if (kind.equals("D")) {
            if (sa == null) {
                return "missing argument to store option";
            }
            if (TimeArg.parseMs(sa, null).kind() != TimeArg.Kind.OK) {
                return "error when processing store option";
            }
        } else if ((kind.equals("N") || kind.isEmpty()) && sa != null) {
            return "unexpected argument to store option";
        }
        return null;
    }

    /** C atol(): leading blanks, a sign, digits, the rest ignored. */
    static int atol(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int sign = 1;
        if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            sign = s.charAt(i) == '-' ? -1 : 1;
            i++;
        }
        long v = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && v < Integer.MAX_VALUE) {
            v = v * 10 + (s.charAt(i) - '0');
            i++;
        }
        return (int) (sign * Math.min(v, Integer.MAX_VALUE));
    }

    private static int alert(ParseContext ctx, String msg) {
        ctx.diag().alert(msg);
        return ErrCode.ALERT_FATAL;
    }
}
