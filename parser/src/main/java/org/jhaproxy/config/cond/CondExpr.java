package org.jhaproxy.config.cond;

import java.util.List;

/**
 * A parsed .if/.elif expression (cfgcond-t.h): an OR of ANDs of terms. '&&' binds tighter than
 * '||'; both evaluate left to right and stop at the first term that decides (or fails).
 */
sealed interface CondExpr {

    /** terms joined with '||'. */
    record Or(List<And> alternatives) implements CondExpr {
    }

    /** terms joined with '&&'. */
    record And(List<Term> terms) implements CondExpr {
    }

    /** One term, negated when written after an odd number of '!'. */
    sealed interface Term extends CondExpr {
        boolean negated();
    }

    /** A number: any non-zero value is true. */
    record Constant(boolean value, boolean negated) implements Term {
    }

    record Group(Or expr, boolean negated) implements Term {
    }

    record Call(Predicate predicate, List<String> args, boolean negated) implements Term {
    }
}
