package org.jhaproxy.runtime.acl;

import org.jhaproxy.runtime.sample.CompiledSample;
import org.jhaproxy.runtime.sample.SampleContext;

/** One ACL expression ready to run: its sample (iterated, as ACLs do) against its patterns. */
record CompiledAclExpr(CompiledSample sample, PatternMatcher matcher) {
    boolean test(SampleContext c) {
        return sample.anyMatch(c, matcher::matches);
    }
}
