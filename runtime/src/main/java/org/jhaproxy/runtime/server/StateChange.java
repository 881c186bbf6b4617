package org.jhaproxy.runtime.server;

import java.util.concurrent.ScheduledExecutorService;
import org.jhaproxy.runtime.lb.Balancer;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.log.LogLevel;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * A server's operational state changes (srv_set_stopped(), srv_set_running() then
 * srv_update_status()): the balancer stops or starts choosing it, and the change is reported
 * with haproxy's exact words on stderr (a warning) and to the backend's logs:
 * "Server be/s1 is DOWN, reason: ..., check duration: 0ms. 0 active and 0 backup servers left.
 * 0 sessions active, 0 requeued, 0 remaining in queue." When the last usable server goes, the
 * backend is reported down too ("backend 'be' has no server available!").
 */
public final class StateChange {
    private StateChange() {
    }

    /** srv_set_stopped(): the server goes DOWN unless it already is. */
    public static void stopped(Server s, StatusCause cause, Events events) {
        ServerState was = s.state();
        if (was == ServerState.STOPPED) {
            return;
        }
        boolean wasStopping = was == ServerState.STOPPING;
        Balancer.Recount r = s.backend().balancer().statusChanged(s, () -> {
            s.state(ServerState.STOPPED);
            s.changedNow();
        });
        // the streams queued on it go to another server if they may (pendconn_redistribute())
        boolean redispatch = s.backend().config().option("redispatch") && !s.backend().config().option("persist");
        int requeued = redispatch ? s.backend().balancer().redistribute(s) : 0;
        StringBuilder msg = new StringBuilder();
        msg.append(s.isBackup() ? "Backup " : "").append("Server ").append(s.backend().name()).append('/').append(s.name())
                .append(" is DOWN");
        cause.appendTo(msg);
        msg.append(". ").append(r.active()).append(" active and ").append(r.backup()).append(" backup servers left.")
                .append(runningOnBackup(r)).append(' ').append(s.currentConns()).append(" sessions active, ")
                .append(requeued).append(" requeued, ").append(s.queue().length()).append(" remaining in queue");
        report(s.backend(), msg.toString(), wasStopping ? LogLevel.NOTICE : LogLevel.ALERT, events);
        backendDown(s.backend(), r, events);
    }

    /** srv_set_running(): the server comes UP unless it already is. */
    public static void running(Server s, StatusCause cause, Events events) {
        running(s, cause, events, null);
    }

    /**
     * srv_set_running(); a server with "slowstart" comes up STARTING, its weight growing each
     * second on {@code warmupLoop} (server_warmup()) until it is RUNNING.
     */
    public static void running(Server s, StatusCause cause, Events events, ScheduledExecutorService warmupLoop) {
        if (s.state() == ServerState.RUNNING || s.state() == ServerState.STARTING) {
            return;
        }
        ServerState to = s.slowstart() > 0 ? ServerState.STARTING : ServerState.RUNNING;
        Balancer.Recount r = s.backend().balancer().statusChanged(s, () -> {
            s.state(to);
            s.changedNow();
        });
        if (s.state() == ServerState.STARTING && warmupLoop != null) {
            Warmup.schedule(s, warmupLoop);
        }
        StringBuilder msg = new StringBuilder();
        msg.append(s.isBackup() ? "Backup " : "").append("Server ").append(s.backend().name()).append('/').append(s.name())
                .append(" is UP");
        cause.appendTo(msg);
        msg.append(". ").append(r.active()).append(" active and ").append(r.backup()).append(" backup servers online.")
                .append(runningOnBackup(r)).append(' ').append(r.transferred()).append(" sessions requeued, ")
                .append(s.queue().length()).append(" total in queue");
        report(s.backend(), msg.toString(), LogLevel.NOTICE, events);
        backendDown(s.backend(), r, events);
    }

    private static String runningOnBackup(Balancer.Recount r) {
        return r.backup() > 0 && r.active() == 0 ? " Running on backup." : "";
    }

    private static void report(Proxy backend, String msg, LogLevel level, Events events) {
        events.warning(msg + ".");
        events.log(backend, level, msg + ".");
    }

    /** set_backend_down(): an alert on stderr, an emergency in the logs. */
    private static void backendDown(Proxy backend, Balancer.Recount r, Events events) {
        if (!r.backendWentDown()) {
            return;
        }
        String type = backend.config().isFrontend() ? "proxy" : "backend";
        events.alert(type + " '" + backend.name() + "' has no server available!");
        events.log(backend, LogLevel.EMERG, type + " " + backend.name() + " has no server available!");
    }
}
