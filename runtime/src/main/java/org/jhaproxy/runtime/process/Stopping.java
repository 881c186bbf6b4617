package org.jhaproxy.runtime.process;

/**
 * haproxy's global "stopping" flag: set once a soft stop began (SIGUSR1), read by the
 * "stopping" sample fetch (configuration.txt 7.3.2) while the remaining streams finish.
 */
public final class Stopping {
    private static volatile boolean stopping;

    private Stopping() {
    }

    public static boolean now() {
        return stopping;
    }

    /** The process began to stop. */
    public static void began() {
        stopping = true;
    }
}
