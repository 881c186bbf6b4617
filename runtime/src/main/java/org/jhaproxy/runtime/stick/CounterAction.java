package org.jhaproxy.runtime.stick;

import java.nio.file.Path;
import java.util.List;
import org.jhaproxy.config.sample.ExprError;
import org.jhaproxy.config.sample.SampleExprParser;
import org.jhaproxy.config.sample.SampleRegistry;
import org.jhaproxy.runtime.sample.CompileScope;
import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.NotSupported;
import org.jhaproxy.runtime.sample.Sample;
import org.jhaproxy.runtime.sample.SampleContext;
import org.jhaproxy.runtime.sample.SampleCompiler;

/**
 * The rule actions changing a tracked entry's general purpose counters and tag
 * (configuration.txt 4.2 "http-request sc-inc-gpc0", "sc-inc-gpc1", "sc-set-gpt0"), in
 * tcp-request, http-request and http-response rules: "sc-inc-gpc0(N)" counts one on gpc0 and
 * gpc0_rate of the entry sticky counter N tracks (N is 0 when left out), "sc-set-gpt0(N) VALUE"
 * sets gpt0 to an integer or to an expression cast to one. Nothing happens when counter N tracks
 * nothing or the table does not store the data; the rule list goes on either way.
 * "sc-inc-gpc(IDX,N)" and "sc-set-gpt(IDX,N)" reach the gpc/gpt arrays, not executed yet.
 */
public final class CounterAction {
    private enum Kind {
        GPC0, GPC1, GPT0
    }

    private final Kind kind;
    private final int counter;
    private final long value;
    private final CompiledSample expr;

    private CounterAction(Kind kind, int counter, long value, CompiledSample expr) {
        this.kind = kind;
        this.counter = counter;
        this.value = value;
        this.expr = expr;
    }

    /** Whether the rule's action word is one of these actions. */
    public static boolean is(String action) {
        return action.startsWith("sc-inc-gpc") || action.startsWith("sc-set-gpt");
    }

    /** Compiles the rule's words from the action word on (its syntax was checked by the parser). */
    public static CounterAction compile(List<String> w, CompileScope scope) throws NotSupported {
        String word = w.get(0);
        boolean set = word.startsWith("sc-set-gpt");
        String rest = word.substring("sc-inc-gpc".length());
        int open = rest.indexOf('(');
        String index = open < 0 ? rest : rest.substring(0, open);
        String args = open < 0 ? "" : rest.substring(open + 1, rest.indexOf(')'));
        if (index.isEmpty()) {
            throw new NotSupported("'" + (set ? "sc-set-gpt" : "sc-inc-gpc") + "' is not supported by jhaproxy yet.");
        }
        Kind kind = set ? Kind.GPT0 : index.equals("1") ? Kind.GPC1 : Kind.GPC0;
        int counter = args.isEmpty() ? 0 : Integer.parseInt(args.strip());
        if (!set) {
            return new CounterAction(kind, counter, 0, null);
        }
        // strtol(): a word that is all an integer is the value, anything else an expression
        String v = w.size() > 1 ? w.get(1) : "";
        if (v.strip().matches("[+-]?\\d*")) {
            String digits = v.strip().replace("+", "");
            return new CounterAction(kind, counter, digits.isEmpty() || digits.equals("-") ? 0 : saturated(digits), null);
        }
        try {
            SampleExprParser.Parsed p = new SampleExprParser(SampleRegistry.standard(), Path::of).parse(w, 1);
            return new CounterAction(kind, counter, 0, SampleCompiler.compile(p.expr(), scope));
        } catch (ExprError e) {
            throw new NotSupported("sc-set-gpt0 expression: " + e.getMessage());
        }
    }

    /** strtol() clamps to the long range. */
    private static long saturated(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return digits.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    public void apply(SampleContext c) {
        StickCounters h = Tracking.holder(c, counter);
        if (h == null) {
            return;
        }
        StickTable t = h.table(counter);
        StickEntry e = h.entry(counter);
        switch (kind) {
            case GPC0 -> Counters.inc(t, e, DataType.GPC0, DataType.GPC0_RATE);
            case GPC1 -> Counters.inc(t, e, DataType.GPC1, DataType.GPC1_RATE);
            default -> setGpt0(c, t, e);
        }
    }

    private void setGpt0(SampleContext c, StickTable t, StickEntry e) {
        if (!e.stores(DataType.GPT0)) {
            return;
        }
        long v = value;
        if (expr != null) {
            Sample s = expr.eval(c);
            Long l = s == null ? null : s.asLong();
            if (l == null) {
                // haproxy logs "invalid expression or data type" and leaves the tag as it was
                return;
            }
            v = l;
        }
        Counters.setGpt0(t, e, v & 0xffffffffL);
    }
}
