package org.jhaproxy.runtime.acl;

import org.jhaproxy.runtime.sample.SampleContext;

/**
 * A rule's "if"/"unless" condition ready to run (acl_exec_cond()): suites ORed, the ACLs of a
 * suite ANDed, an ACL true when one of its expressions matches. Evaluation stops as soon as
 * the answer is known, as haproxy's does.
 */
public final class Condition {
    /** No condition: the rule always applies. */
    public static final Condition ALWAYS = new Condition(false, new Term[0][]);

    /**
     * acl_exec_cond()'s answer while rules may wait for data: MISS is "not known yet". Its
     * bits make the logic: an AND is the bitwise and of its terms, an OR their bitwise or.
     */
    public enum Result {
        FAIL(0), MISS(1), PASS(3);

        private final int bits;

        Result(int bits) {
            this.bits = bits;
        }

        static Result of(int bits) {
            return bits == 3 ? PASS : bits == 1 ? MISS : FAIL;
        }

        /** acl_neg(): a miss stays a miss. */
        Result negate() {
            return this == MISS ? MISS : this == PASS ? FAIL : PASS;
        }
    }

    record Term(boolean negated, CompiledAclExpr[] exprs) {
        /** An ACL is the OR of its expressions; a negated one keeps its misses. */
        Result evaluate(SampleContext c) {
            int bits = 0;
            for (CompiledAclExpr e : exprs) {
                bits |= e.evaluate(c).bits;
                if (bits == Result.PASS.bits) {
                    break;
                }
            }
            Result r = Result.of(bits);
            return negated ? r.negate() : r;
        }

        boolean test(SampleContext c) {
            boolean any = false;
            for (CompiledAclExpr e : exprs) {
                if (e.test(c)) {
                    any = true;
                    break;
                }
            }
            return any != negated;
        }
    }

    private final boolean unless;
    private final Term[][] suites;

    Condition(boolean unless, Term[][] suites) {
        this.unless = unless;
        this.suites = suites;
    }

    public boolean test(SampleContext c) {
        if (this == ALWAYS) {
            return true;
        }
        boolean pass = false;
        for (Term[] suite : suites) {
            boolean all = true;
            for (Term t : suite) {
                if (!t.test(c)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                pass = true;
                break;
            }
        }
        return pass != unless;
    }

    /**
     * The condition while "tcp-request content" rules may wait for data: MISS when its answer
     * is not known yet, else PASS or FAIL with "unless" applied (tcp_inspect_request()).
     */
    public Result evaluate(SampleContext c) {
        if (this == ALWAYS) {
            return Result.PASS;
        }
        int cond = 0;
        for (Term[] suite : suites) {
            int all = Result.PASS.bits;
            for (Term t : suite) {
                all &= t.evaluate(c).bits;
                if (all != Result.PASS.bits) {
                    break;
                }
            }
            cond |= all;
            if (cond == Result.PASS.bits) {
                break;
            }
        }
        Result r = Result.of(cond);
        if (r == Result.MISS) {
            return r;
        }
        return (r == Result.PASS) != unless ? Result.PASS : Result.FAIL;
    }
}
