package org.jhaproxy.runtime.acl;

import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.SampleContext;

/** One ACL expression ready to run: its sample (iterated, as ACLs do) against its patterns. */
record CompiledAclExpr(CompiledSample sample, PatternMatcher matcher) {
    /** An expression whose fetch finds no sample where it is evaluated: it never matches. */
    static final CompiledAclExpr NO_SAMPLE = new CompiledAclExpr(null, null);

    boolean test(SampleContext c) {
        return sample != null && sample.anyMatch(c, matcher::matches);
    }

    /**
     * The three-valued form while rules may wait for data (acl_exec_cond()): a miss when the
     * expression does not match yet but its fetch said more data may change that.
     */
    Condition.Result evaluate(SampleContext c) {
        if (sample == null) {
            return Condition.Result.FAIL;
        }
        c.takeMayChange();
        if (sample.anyMatch(c, matcher::matches)) {
            c.takeMayChange();
            return Condition.Result.PASS;
        }
        return c.takeMayChange() && c.partial() ? Condition.Result.MISS : Condition.Result.FAIL;
    }
}
