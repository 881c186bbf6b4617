package org.jhaproxy.runtime.server;

import java.util.concurrent.ScheduledExecutorService;
import org.jhaproxy.runtime.lb.Balancer;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.log.LogLevel;

/**
 * A server's administrative changes (srv_set_admin_flag(), srv_clr_admin_flag() then the admin
 * half of srv_update_status()): maintenance and drain set or lifted by the operator, and weight
 * changes. Each is applied under the backend balancer's lock, so that the balancer stops (or
 * starts again) choosing the server, and reported with haproxy's words on stderr (a warning)
 * and to the backend's logs: "Server be/s1 is going DOWN for maintenance. ...",
 * "Server be/s1 is UP/READY (leaving forced maintenance).", "Server be/s1 enters drain
 * state. ...", "Server be/s1 is UP (leaving forced drain)."
 */
public final class AdminChange {
    private AdminChange() {
    }

    /** srv_adm_set_maint(): "disable server", "set server ... state maint". */
    public static void maint(Server s, Events events) {
        set(s, AdminFlags.FMAINT, events);
        clear(s, AdminFlags.FDRAIN, events, null);
    }

    /**
     * srv_adm_set_drain(): "set server ... state drain". Leaving maintenance, a server with
     * "slowstart" warms up on {@code warmupLoop}, as after a check bringing it up.
     */
    public static void drain(Server s, Events events, ScheduledExecutorService warmupLoop) {
        set(s, AdminFlags.FDRAIN, events);
        clear(s, AdminFlags.FMAINT, events, warmupLoop);
    }

    /** srv_adm_set_ready(): "enable server", "set server ... state ready"; warm-up as {@link #drain}. */
    public static void ready(Server s, Events events, ScheduledExecutorService warmupLoop) {
        clear(s, AdminFlags.FDRAIN, events, warmupLoop);
        clear(s, AdminFlags.FMAINT, events, warmupLoop);
    }

    /**
     * A valid DNS answer gave an IP to a server in resolution maintenance (RMAINT, from
     * "init-addr none" or a failed resolution): it leaves it, as snr_update_srv_status() says.
     */
    public static void resolved(Server s, Events events) {
        if ((s.admin() & AdminFlags.RMAINT) == 0) {
            return;
        }
        update(s, s.admin() & ~AdminFlags.RMAINT, events, null);
        String msg = "Server " + s.backend().name() + "/" + s.name() + " administratively READY thanks to valid DNS answer";
        events.warning(msg + ".");
        events.log(s.backend(), LogLevel.NOTICE, msg + ".");
    }

    /**
     * "set server ... addr" lifts resolution maintenance whatever the answer said
     * (srv_clr_admin_flag(RMAINT)): "Server be/s1 ('name') is UP/READY (resolves again)."
     */
    public static void addressSet(Server s, Events events) {
        if ((s.admin() & AdminFlags.RMAINT) != 0) {
            update(s, s.admin() & ~AdminFlags.RMAINT, events, null);
        }
    }

    /**
     * The name resolution failed for longer than its "hold" (or found no IP): the server enters
     * resolution maintenance (RMAINT), saying why ("DNS NX status", "No IP for server "...).
     * False when it already was in it.
     */
    public static boolean unresolved(Server s, String cause, Events events) {
        if ((s.admin() & AdminFlags.RMAINT) != 0) {
            return false;
        }
        update(s, s.admin() | AdminFlags.RMAINT, events, null, cause);
        return true;
    }

    /**
     * A new user weight ("set weight", "set server ... weight"; server_recalc_eweight()): the
     * effective weight is recomputed (still scaled down while warming up) and the algorithm
     * re-places the server in place (update_server_eweight); the last usable server set to 0
     * takes the backend down.
     */
    public static void weight(Server s, int w, Events events) {
        Balancer.Recount r = s.backend().balancer().weightChanged(s, () -> s.weight(w));
        StateChange.backendDown(s.backend(), r, events);
        remainsDraining(s, events);
    }

    private static void set(Server s, int flag, Events events) {
        if ((s.admin() & flag) == 0) {
            update(s, s.admin() | flag, events, null);
        }
    }

    private static void clear(Server s, int flag, Events events, ScheduledExecutorService warmupLoop) {
        if ((s.admin() & flag) != 0) {
            update(s, s.admin() & ~flag, events, warmupLoop);
        }
    }

    private static boolean maint(int flags) {
        return (flags & AdminFlags.MAINT) != 0;
    }

    private static boolean drain(int flags) {
        return (flags & AdminFlags.DRAIN) != 0;
    }

    private static void update(Server s, int next, Events events, ScheduledExecutorService warmupLoop) {
        update(s, next, events, warmupLoop, "");
    }

    /** {@code cause}, when not empty, is said in parentheses after entering maintenance (adm_st_chg_cause). */
    private static void update(Server s, int next, Events events, ScheduledExecutorService warmupLoop, String cause) {
        String because = cause.isEmpty() ? "" : " (" + cause + ")";
        int cur = s.admin();
        boolean wasStopping = s.state() == ServerState.STOPPING || drain(cur);
        Balancer balancer = s.backend().balancer();
        if (!maint(cur) && maint(next)) {
            s.check().maintenance(true);
            if (s.state() == ServerState.STOPPED) {
                balancer.statusChanged(s, () -> s.admin(next));
                if (!events.isStarting()) {
                    report(s, name(s, "was DOWN and now enters maintenance" + because), LogLevel.NOTICE, events);
                }
                return;
            }
            s.check().forcedDown();
            Balancer.Recount r = balancer.statusChanged(s, () -> {
                s.admin(next);
                s.state(ServerState.STOPPED);
                s.changedNow();
            });
            s.counters().downTrans.increment();
            int requeued = StateChange.redistribute(s);
            // the streams it ends still count in the message: they end later, on their own loops
            String msg = StateChange.left(StateChange.name(s, "is going DOWN for maintenance" + because), s, r, requeued);
            SessionShutdown.markedDown(s);
            if (!events.isStarting()) {
                report(s, msg, wasStopping ? LogLevel.NOTICE : LogLevel.ALERT, events);
            }
            StateChange.backendDown(s.backend(), r, events);
            return;
        }
        if (maint(cur) && !maint(next)) {
            // leaving maintenance: a server without checks, or whose checks restart from "rise", is up,
            // STARTING first with "slowstart"
            s.check().maintenance(false);
            Balancer.Recount r = balancer.statusChanged(s, () -> {
                s.admin(next);
                StateChange.comeUp(s);
            });
            StateChange.warmUp(s, warmupLoop);
            StateChange.backendBack(s.backend(), r, false);
            SessionShutdown.markedUp(s);
            String ready = "UP/" + (drain(next) ? "DRAIN" : "READY");
            // one message, the last cause lifted winning as haproxy rewrites it
            String msg = null;
            if ((cur & AdminFlags.FMAINT) != 0 && (next & AdminFlags.FMAINT) == 0) {
                msg = name(s, "is " + ready + " (leaving forced maintenance)");
            }
            if (resolvesAgain(cur, next)) {
                msg = hostnamed(s, "is " + ready + " (resolves again)");
            }
            if (msg != null) {
                report(s, msg, LogLevel.NOTICE, events);
            }
            StateChange.backendDown(s.backend(), r, events);
            remainsDraining(s, events);
            return;
        }
        if (maint(next)) {
            // staying in maintenance: a drain flag set or lifted meanwhile is not reported
            balancer.statusChanged(s, () -> s.admin(next));
            if (resolvesAgain(cur, next)) {
                report(s, hostnamed(s, "resolves again but remains in maintenance"), LogLevel.NOTICE, events);
            }
            return;
        }
        if (!drain(cur) && drain(next)) {
            Balancer.Recount r = balancer.statusChanged(s, () -> {
                s.admin(next);
                s.changedNow();
            });
            int requeued = StateChange.redistribute(s);
            StringBuilder msg = StateChange.name(s, "enters drain state");
            if (!events.isStarting()) {
                report(s, s.state() == ServerState.STOPPED ? StateChange.left(msg, s, r, requeued)
                        : StateChange.online(msg, s, r, requeued), LogLevel.NOTICE, events);
            }
            StateChange.backendDown(s.backend(), r, events);
        } else if (drain(cur) && !drain(next)) {
            // fully out of drain: its weight comes back through update_server_eweight
            Balancer.Recount r = balancer.weightChanged(s, () -> {
                s.downUntilNow(true);
                s.admin(next);
                s.changedNow();
            });
            StateChange.backendBack(s.backend(), r, true);
            String up = s.state() == ServerState.STOPPED ? "DOWN" : "UP";
            // haproxy 2.6 says "forced" when the forced flag is the one gone (and the reverse)
            report(s, name(s, "is " + up + ((next & AdminFlags.FDRAIN) == 0 ? " (leaving forced drain)" : " (leaving drain)")),
                    LogLevel.NOTICE, events);
        } else {
            balancer.statusChanged(s, () -> s.admin(next));
        }
    }

    /**
     * After any change of a draining server that leaves it draining, srv_update_status()
     * reports that it still is.
     */
    static void remainsDraining(Server s, Events events) {
        int a = s.admin();
        if (maint(a) || !drain(a)) {
            return;
        }
        report(s, name(s, (a & AdminFlags.FDRAIN) != 0 ? "remains in forced drain mode"
                : "is leaving forced drain but remains in drain mode"), LogLevel.NOTICE, events);
    }

    private static boolean resolvesAgain(int cur, int next) {
        return (cur & AdminFlags.RMAINT) != 0 && (next & AdminFlags.RMAINT) == 0;
    }

    /** "Server be/s1 ('name.example') ...": the messages about its name resolution. */
    private static String hostnamed(Server s, String what) {
        return (s.isBackup() ? "Backup " : "") + "Server " + s.backend().name() + "/" + s.name() + " ('"
                + (s.hostname() == null ? "" : s.hostname()) + "') " + what;
    }

    private static String name(Server s, String what) {
        return StateChange.name(s, what).toString();
    }

    private static void report(Server s, CharSequence msg, LogLevel level, Events events) {
        events.warning(msg + ".");
        events.log(s.backend(), level, msg + ".");
    }
}
