package org.jhaproxy.config.action;

import org.jhaproxy.config.logformat.LogFormat;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleSources;

/** The argument shapes HAProxy's action parsers share: expressions, log-formats, counts. */
final class ActionArgs {
    private ActionArgs() {
    }

    /** An action without arguments. */
    static int none(ActionContext ac, int cur) {
        return cur;
    }

    /** Arguments this port checks no further: everything up to the condition. */
    static int untilCondition(ActionContext ac, int cur) {
        while (!ac.endsAt(cur)) {
            cur++;
        }
        return cur;
    }

    /** A log-format string evaluated where the rule runs (parse_logformat_string()). */
    static LogFormat logFormat(ActionContext ac, String fmt) throws ExprError {
        return ac.parsers().logFormats().parse(fmt, ac.px().mode() == org.jhaproxy.config.model.ProxyMode.HTTP, ac.places());
    }

    /**
     * A sample expression in word form, which must be usable where the rule runs; the
     * message names the last word read, as HAProxy's args[cur_arg-1].
     */
    static int expr(ActionContext ac, int cur, String nameInError) throws ExprError {
        SampleExprParser.Parsed p = ac.parsers().samples().parse(ac.args(), cur);
        if (!p.expr().fetch().usableAt(ac.places())) {
            throw new ExprError(String.format("fetch method '%s' extracts information from '%s', none of which is available here",
                    nameInError != null ? nameInError : ac.arg(p.nextWord() - 1), SampleSources.names(p.expr().fetch())));
        }
        return p.nextWord();
    }

    /** "track-sc<n>": the counter number, below MAX_SESS_STKCTR (3). */
    static void trackScNumber(String digits) throws ExprError {
        if (!digits.chars().allMatch(Character::isDigit)) {
            throw new ExprError("Wrong track-sc number '" + digits + "'");
        }
        long n = digits.isEmpty() ? 0 : Long.parseLong(digits.length() > 9 ? "999999999" : digits);
        if (n >= 3) {
            throw new ExprError(n + " track-sc number exceeding 2 (MAX_SESS_STKCTR-1) value");
        }
    }
}
