package org.jhaproxy.config.action;

import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleSources;

/**
 * sc-inc-gpc(&lt;idx&gt;,&lt;sc&gt;), sc-inc-gpc0/1[(&lt;sc&gt;)], sc-set-gpt(&lt;idx&gt;,&lt;sc&gt;) and
 * sc-set-gpt0[(&lt;sc&gt;)] &lt;int|expr&gt; (stick_table.c parse_inc_gpc()/parse_set_gpt()): the
 * tracking counter number must be below MAX_SESS_STKCTR (3).
 */
final class CounterActions {
    private static final int MAX_SC = 3;

    private CounterActions() {
    }

    static int incGpc(ActionContext ac, int cur) throws ExprError {
        String word = ac.arg(cur - 1);
        String rest = word.substring("sc-inc-gpc".length());
        if (rest.startsWith("(")) {
            Strtol idx = Strtol.parse(rest, 1);
            if (idx.end() >= rest.length() || rest.charAt(idx.end()) != ',') {
                throw new ExprError("Missing gpc ID '" + word + "'. Expects sc-inc-gpc(<GPC ID>,<Track ID>)");
            }
            Strtol sc = Strtol.parse(rest, idx.end() + 1);
            if (sc.end() >= rest.length() || rest.charAt(sc.end()) != ')') {
                throw new ExprError("invalid stick table track ID '" + word + "'. Expects sc-inc-gpc(<GPC ID>,<Track ID>)");
            }
            if (sc.value() >= MAX_SC) {
                throw new ExprError("invalid stick table track ID '" + word + "'. The max allowed ID is " + (MAX_SC - 1));
            }
        } else if (rest.startsWith("0") || rest.startsWith("1")) {
            String sel = rest.substring(1);
            if (!sel.isEmpty()) {
                if (!sel.startsWith("(")) {
                    throw new ExprError("invalid stick table track ID. Expects " + word + "(<Track ID>)");
                }
                Strtol sc = Strtol.parse(sel, 1);
                if (sc.end() >= sel.length() || sel.charAt(sc.end()) != ')') {
                    throw new ExprError("invalid stick table track ID. Expects " + word + "(<Track ID>)");
                }
                if (sc.value() >= MAX_SC) {
                    throw new ExprError("invalid stick table track ID. The max allowed ID is " + (MAX_SC - 1));
                }
            }
        } else {
            throw new ExprError("invalid gpc ID '" + word + "'. Expects sc-inc-gpc(<GPC ID>,<Track ID>)");
        }
        return cur;
    }

    static int setGpt(ActionContext ac, int cur) throws ExprError {
        String word = ac.arg(cur - 1);
        String rest = word.substring("sc-set-gpt".length());
        if (rest.startsWith("(")) {
            Strtol idx = Strtol.parse(rest, 1);
            if (idx.end() >= rest.length() || rest.charAt(idx.end()) != ',') {
                throw new ExprError("Missing gpt ID '" + word + "'. Expects sc-set-gpt(<GPT ID>,<Track ID>)");
            }
            Strtol sc = Strtol.parse(rest, idx.end() + 1);
            if (sc.end() >= rest.length() || rest.charAt(sc.end()) != ')') {
                throw new ExprError("invalid stick table track ID '" + word + "'. Expects sc-set-gpt(<GPT ID>,<Track ID>)");
            }
            checkSc(word, sc);
        } else if (rest.startsWith("0")) {
            String sel = rest.substring(1);
            if (!sel.isEmpty()) {
                Strtol sc = sel.startsWith("(") ? Strtol.parse(sel, 1) : null;
                if (sc == null || sc.end() >= sel.length() || sel.charAt(sc.end()) != ')') {
                    throw new ExprError("invalid stick table track ID '" + word + "'. Expects sc-set-gpt0(<Track ID>)");
                }
                checkSc(word, sc);
            }
        } else {
            throw new ExprError("invalid gpt ID '" + word + "'. Expects sc-set-gpt(<GPT ID>,<Track ID>)");
        }
        String value = ac.arg(cur);
        Strtol v = Strtol.parse(value, 0);
        if (v.end() == value.length()) {
            return cur + 1;
        }
        SampleExprParser.Parsed p = ac.parsers().samples().parse(ac.args(), cur);
        if (!p.expr().fetch().usableAt(ac.places())) {
            throw new ExprError(String.format("fetch method '%s' extracts information from '%s', none of which is available here",
                    ac.arg(p.nextWord() - 1), SampleSources.names(p.expr().fetch())));
        }
        return p.nextWord();
    }

    private static void checkSc(String word, Strtol sc) throws ExprError {
        if (sc.value() >= MAX_SC) {
            throw new ExprError("invalid stick table track ID '" + word + "'. The max allowed ID is " + (MAX_SC - 1));
        }
    }

    /** C strtol() base 10 from {@code from}: the value and where the digits stopped. */
    record Strtol(long value, int end) {
        static Strtol parse(String s, int from) {
            int i = from;
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int sign = 1;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                sign = s.charAt(i) == '-' ? -1 : 1;
                i++;
            }
            int start = i;
            long v = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = Math.min(v * 10 + (s.charAt(i) - '0'), Long.MAX_VALUE / 10);
                i++;
            }
            return i == start ? new Strtol(0, from) : new Strtol(sign * v, i);
        }
    }
}
