package org.jhaproxy.runtime.process;

import java.util.Set;

/**
 * The global keywords of master-worker mode (configuration.txt 3.1, management.txt 4): the
 * master process itself is the cli module's (org.jhaproxy.cli.master).
 */
public final class MasterWorkerKeywords {
    public static final Set<String> EXECUTED = Set.of("global master-worker", "global mworker-max-reloads");

    private MasterWorkerKeywords() {
    }
}
