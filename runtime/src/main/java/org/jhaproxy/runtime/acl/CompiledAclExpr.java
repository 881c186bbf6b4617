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
}
