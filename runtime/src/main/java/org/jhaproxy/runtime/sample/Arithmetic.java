package org.jhaproxy.runtime.sample;

import java.util.List;
import java.util.function.LongBinaryOperator;
import org.jhaproxy.config.sample.SampleArg;

/** add/sub/mul/div/mod: the operand is an integer or a variable name (configuration.txt 7.3.1). */
final class Arithmetic {
    private Arithmetic() {
    }

    static SampleConverter of(List<SampleArg> args, LongBinaryOperator op) {
        String t = args.get(0).text();
        Long constant = Sample.parseLeadingInt(t);
        VarRef var = constant == null ? VarRef.parse(t) : null;
        return (in, c) -> {
            long x = (Long) in.value();
            long y;
            if (var != null) {
                Sample v = var.get(c);
                Long l = v == null ? null : v.asLong();
                if (l == null) {
                    return null;
                }
                y = l;
            } else {
                y = constant;
            }
            try {
                return Sample.sint(op.applyAsLong(x, y));
            } catch (ArithmeticException overflow) {
                // haproxy saturates instead of wrapping
                return Sample.sint((x > 0) == (y > 0) ? Long.MAX_VALUE : Long.MIN_VALUE);
            }
        };
    }
}
