package org.jhaproxy.runtime.comp;

import java.util.Set;

/**
 * The compression keywords the runtime executes (configuration.txt 4.2 "compression", 3.2
 * "tune.comp.maxlevel", 9.2 "filter compression"). The rate and CPU limits ("maxcomprate",
 * "maxcompcpuusage") and "maxzlibmem" are not: they would let haproxy skip compressing under
 * load, and a configuration counting on them is refused rather than run differently.
 */
public final class CompKeywords {
    public static final Set<String> EXECUTED = Set.of("proxy compression", "proxy filter compression",
            "global tune.comp.maxlevel");

    private CompKeywords() {
    }
}
