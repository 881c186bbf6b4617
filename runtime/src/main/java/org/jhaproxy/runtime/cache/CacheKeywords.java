package org.jhaproxy.runtime.cache;

import java.util.Set;

/**
 * The cache keywords the runtime executes (manual chapter 6). "process-vary" and
 * "max-secondary-entries" are not: a response with a Vary header is never stored, as with
 * "process-vary off", and a configuration turning it on is refused rather than run differently.
 * The rule actions (cache-use, cache-store) are listed by HttpActionCompiler.
 */
public final class CacheKeywords {
    public static final Set<String> EXECUTED = Set.of("cache cache", "cache total-max-size", "cache max-object-size",
            "cache max-age");

    private CacheKeywords() {
    }
}
