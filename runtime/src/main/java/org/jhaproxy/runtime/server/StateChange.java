package org.jhaproxy.runtime.server;

import java.util.concurrent.ScheduledExecutorService;
import org.jhaproxy.runtime.lb.Balancer;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.log.LogLevel;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * A server's operational state changes (srv_set_stopped(), srv_set_running(),
 * srv_set_stopping() then srv_update_status()): the balancer stops or starts choosing it, and
 * the change is reported with haproxy's exact words on stderr (a warning) and to the backend's
 * logs: "Server be/s1 is DOWN, reason: ..., check duration: 0ms. 0 active and 0 backup servers
 * left. 0 sessions active, 0 requeued, 0 remaining in queue." When the last usable server
 * goes, the backend is reported down too ("backend 'be' has no server available!"). A server
 * in maintenance keeps its state: checks and "set server ... health" do not change it.
 */
public final class StateChange {
    private StateChange() {
    }

    /** srv_set_stopped(): the server goes DOWN unless it already is. */
    public static void stopped(Server s, StatusCause cause, Events events) {
        ServerState was = s.state();
        if (was == ServerState.STOPPED || s.inMaintenance()) {
            return;
        }
        boolean wasStopping = was == ServerState.STOPPING || (s.admin() & AdminFlags.DRAIN) != 0;
        Balancer.Recount r = s.backend().balancer().statusChanged(s, () -> {
            s.state(ServerState.STOPPED);
            s.changedNow();
        });
        s.counters().downTrans.increment();
        int requeued = redistribute(s);
        StringBuilder msg = name(s, "is DOWN");
        cause.appendTo(msg);
        // the streams it ends still count in the message: they end later, on their own loops
        String report = left(msg, s, r, requeued);
        SessionShutdown.markedDown(s);
        report(s.backend(), report, wasStopping ? LogLevel.NOTICE : LogLevel.ALERT, events);
        backendDown(s.backend(), r, events);
        AdminChange.remainsDraining(s, events);
    }

    /** srv_set_running(): the server comes UP unless it already is. */
    public static void running(Server s, StatusCause cause, Events events) {
        running(s, cause, events, null);
    }

    /**
     * srv_set_running(); a server with "slowstart" comes up STARTING, its weight growing each
     * second on {@code warmupLoop} (server_warmup()) until it is RUNNING. A server in
     * maintenance stays there: it comes up when the maintenance is lifted.
     */
    public static void running(Server s, StatusCause cause, Events events, ScheduledExecutorService warmupLoop) {
        if (s.state() == ServerState.RUNNING || s.state() == ServerState.STARTING || s.inMaintenance()) {
            return;
        }
        Balancer.Recount r = s.backend().balancer().statusChanged(s, () -> {
            s.downUntilNow(false);
            comeUp(s);
        });
        backendBack(s.backend(), r, true);
        SessionShutdown.markedUp(s);
        warmUp(s, warmupLoop);
        StringBuilder msg = name(s, "is UP");
        cause.appendTo(msg);
        report(s.backend(), online(msg, s, r, r.transferred()), LogLevel.NOTICE, events);
        backendDown(s.backend(), r, events);
        AdminChange.remainsDraining(s, events);
    }

    /** srv_set_stopping(): the server stays up but takes no new load-balanced traffic. */
    public static void stopping(Server s, StatusCause cause, Events events) {
        if (s.state() == ServerState.STOPPING || s.inMaintenance()) {
            return;
        }
        Balancer.Recount r = s.backend().balancer().statusChanged(s, () -> {
            s.state(ServerState.STOPPING);
            s.changedNow();
        });
        int requeued = redistribute(s);
        StringBuilder msg = name(s, "is stopping");
        cause.appendTo(msg);
        report(s.backend(), online(msg, s, r, requeued), LogLevel.NOTICE, events);
        backendDown(s.backend(), r, events);
        AdminChange.remainsDraining(s, events);
    }

    /**
     * srv_set_running()'s (and leaving maintenance's) new state: STARTING with "slowstart",
     * else RUNNING; the change time is the warm-up's start. Under the balancer's lock.
     */
    static void comeUp(Server s) {
        s.state(s.slowstart() > 0 ? ServerState.STARTING : ServerState.RUNNING);
        s.changedNow();
    }

    /** A server now STARTING warms up on {@code warmupLoop} (none: it stays at its first step). */
    static void warmUp(Server s, ScheduledExecutorService warmupLoop) {
        if (s.state() == ServerState.STARTING && warmupLoop != null) {
            Warmup.schedule(s, warmupLoop);
        }
    }

    /**
     * pendconn_redistribute(): with "option redispatch" (and not "option persist"), the streams
     * queued on a server that stops taking traffic go back to the balancer. Returns how many.
     */
    static int redistribute(Server s) {
        boolean redispatch = s.backend().config().option("redispatch") && !s.backend().config().option("persist");
        return redispatch ? s.backend().balancer().redistribute(s) : 0;
    }

    static StringBuilder name(Server s, String what) {
        return new StringBuilder().append(s.isBackup() ? "Backup " : "").append("Server ").append(s.backend().name())
                .append('/').append(s.name()).append(' ').append(what);
    }

    /** srv_append_status()'s counts for a server now down, {@code requeued} streams sent elsewhere. */
    static String left(StringBuilder msg, Server s, Balancer.Recount r, int requeued) {
        return msg.append(". ").append(r.active()).append(" active and ").append(r.backup()).append(" backup servers left.")
                .append(runningOnBackup(r)).append(' ').append(s.currentConns()).append(" sessions active, ")
                .append(requeued).append(" requeued, ").append(s.queue().length()).append(" remaining in queue").toString();
    }

    /** srv_append_status()'s counts for a server still up, {@code requeued} streams moved. */
    static String online(StringBuilder msg, Server s, Balancer.Recount r, int requeued) {
        return msg.append(". ").append(r.active()).append(" active and ").append(r.backup()).append(" backup servers online.")
                .append(runningOnBackup(r)).append(' ').append(requeued).append(" sessions requeued, ")
                .append(s.queue().length()).append(" total in queue").toString();
    }

    private static String runningOnBackup(Balancer.Recount r) {
        return r.backup() > 0 && r.active() == 0 ? " Running on backup." : "";
    }

    private static void report(Proxy backend, String msg, LogLevel level, Events events) {
        events.warning(msg + ".");
        events.log(backend, level, msg + ".");
    }

    /**
     * A backend without usable servers has one again: its down time is added up ({@code counted}),
     * or only its change time moves (leaving maintenance).
     */
    static void backendBack(Proxy backend, Balancer.Recount r, boolean counted) {
        if (r.before() == 0 && r.active() + r.backup() > 0) {
            backend.cameBack(counted);
        }
    }

    /** set_backend_down(): an alert on stderr, an emergency in the logs. */
    static void backendDown(Proxy backend, Balancer.Recount r, Events events) {
        if (!r.backendWentDown()) {
            return;
        }
        backend.wentDown();
        if (events.isStarting()) {
            return; // set_backend_down() says nothing while starting
        }
        String type = backend.config().isFrontend() ? "proxy" : "backend";
        events.alert(type + " '" + backend.name() + "' has no server available!");
        events.log(backend, LogLevel.EMERG, type + " " + backend.name() + " has no server available!");
    }
}
