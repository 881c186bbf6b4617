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

    record Term(boolean negated, CompiledAclExpr[] exprs) {
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
}
