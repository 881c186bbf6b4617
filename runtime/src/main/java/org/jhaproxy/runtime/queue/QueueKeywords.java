package org.jhaproxy.runtime.queue;

import java.util.Set;

/** The configuration keywords the queues and the servers' connection limits execute (RuntimeSupport). */
public final class QueueKeywords {
    private QueueKeywords() {
    }

    /** "timeout queue" (ServerConnector), "fullconn" (DynamicMaxconn). */
    public static final Set<String> EXECUTED = Set.of("proxy timeout queue", "proxy fullconn");

    /** Server options: "minconn" (DynamicMaxconn). */
    public static final Set<String> SERVER_OPTIONS = Set.of("minconn");
}
