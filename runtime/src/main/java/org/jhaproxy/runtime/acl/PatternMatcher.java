package org.jhaproxy.runtime.acl;

import org.jhaproxy.runtime.sample.Sample;

/** The patterns of one ACL expression, compiled for its match method (HAProxy's pattern_expr). */
@FunctionalInterface
public interface PatternMatcher {
    /** True when the sample matches one of the patterns. */
    boolean matches(Sample s);
}
