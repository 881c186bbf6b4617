package org.jhaproxy.runtime.sample;

import java.util.function.Predicate;

/** A sample fetch compiled with its arguments. */
@FunctionalInterface
public interface Fetch {
    /** The value (the last occurrence for multi-valued fetches), or null when there is none. */
    Sample fetch(SampleContext c);

    /**
     * The ACL form (SMP_OPT_ITERATE): multi-valued fetches (headers, cookies) try each occurrence
     * until one passes; the others have one value.
     */
    default boolean anyMatch(SampleContext c, Predicate<Sample> test) {
        Sample s = fetch(c);
        return s != null && test.test(s);
    }
}
