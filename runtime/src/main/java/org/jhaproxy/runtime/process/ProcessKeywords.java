package org.jhaproxy.runtime.process;

import java.util.Set;

/**
 * The process management keywords of the global section the start sequence executes
 * (configuration.txt 3.1): running in the background with a pidfile, the chroot and the
 * identity taken once the listeners are bound.
 */
public final class ProcessKeywords {
    public static final Set<String> EXECUTED = Set.of("global daemon", "global pidfile", "global chroot",
            "global user", "global group", "global uid", "global gid");

    private ProcessKeywords() {
    }
}
