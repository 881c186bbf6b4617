package org.jhaproxy.runtime.check;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.log.LogLevel;
import org.jhaproxy.runtime.server.CheckView;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;
import org.jhaproxy.runtime.server.StateChange;
import org.jhaproxy.runtime.server.StatusCause;

/**
 * A server's health check or agent check (struct check): runs its program every "inter" on
 * one event loop and counts results as haproxy does. The health goes from 0 (down) to rise +
 * fall - 1 (fully up); a server starts up with health "rise", so its first failure takes it
 * down, and it takes "rise" successes to come back. Between checks it waits "inter",
 * "fastinter" while changing state, "downinter" while down (srv_getinter()). The health lives
 * in the server's {@link CheckView}, where the CLI may force it too.
 * An agent check (rise and fall 1) only takes its server down when the agent says so: failing
 * to reach the agent changes nothing; and the server is up only when both checks agree.
 */
final class HealthCheck {
    private final Server server;
    private final CheckRules program;
    private final CheckSettings settings;
    private final CheckSpread spread;
    private final EventLoop loop;
    private final Transport transport;
    private final Events events;
    private final boolean agent;
    private final CheckView view;
    /** The command of "option external-check", set once before the first run; null for a socket check. */
    private ExternalCheck external;
    /** The previous check's status and code; null before the first one (HCHK_STATUS_INI). */
    private CheckStatus lastStatus;
    private int lastCode;
    /** The next run, and when it is due (System.nanoTime()); null while a run is in progress. */
    private io.netty.util.concurrent.ScheduledFuture<?> next;
    private long nextAt;

    HealthCheck(Server server, CheckRules program, CheckSettings settings, EventLoop loop, Transport transport, Events events,
                CheckSpread spread) {
        this.server = server;
        this.spread = spread;
        this.program = program;
        this.settings = settings;
        this.loop = loop;
        this.transport = transport;
        this.events = events;
        this.agent = program.kind() == CheckRules.Kind.AGENT;
        this.view = agent ? server.agent() : server.check();
    }

    /** The first run waits {@code delay} ms, so that checks start spread (start_check_task()). */
    void start(long delay) {
        schedule(delay);
    }

    private void schedule(long delay) {
        nextAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay);
        next = loop.schedule(this::run, delay, TimeUnit.MILLISECONDS);
    }

    long inter() {
        return settings.inter();
    }

    Server server() {
        return server;
    }

    EventLoop loop() {
        return loop;
    }

    private void run() {
        if (loop.isShuttingDown()) {
            return;
        }
        if (!view.enabled() || (!agent && server.inMaintenance())) {
            // "disable health|agent" stops the check until enabled again; maintenance pauses the
            // health check (not the agent, which may lift it); leaving it resumes the check from
            // "rise", the server up (srv_update_status())
            schedule(settings.inter());
            return;
        }
        next = null;
        long start = System.nanoTime();
        view.started();
        CheckRules rules = agent ? CheckRules.agent(view.send()) : program;
        Consumer<CheckOutcome> done = outcome -> {
            long duration = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            apply(outcome, duration);
            view.ended();
            if (!loop.isShuttingDown()) {
                schedule(spread.next(interval()));
            }
        };
        if (external != null) {
            external.run(server, settings.connectTimeout(), loop, events, done);
            return;
        }
        new CheckRun(rules, settings.at(target()), loop, transport, () -> ServerStateHeader.of(server, view, settings),
                // a status reported on the way counts as a check of its own, as in haproxy
                outcome -> count(outcome, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)), done)
                .tls(agent || server.ssl() == null || !server.ssl().checks() ? null : server.ssl())
                .layers(CheckLayers.of(server.config(), server.socks4(), agent))
                .server(server)
                .session(new CheckSession(server.backend()), settings.disableOn404() && server.state() != ServerState.STOPPED)
                .start();
    }

    /** Runs "external-check command" instead of the program ("option external-check"). */
    HealthCheck external(ExternalCheck command) {
        this.external = command;
        return this;
    }

    /**
     * The observed traffic failed "error-limit" times in a row (__health_adjust()): "on-error" acts as a failed check (HCHK_STATUS_HANA, no duration), after
     * lowering the health for "sudden-death" and "mark-down", and any mode brings the next
     * check forward to "fastinter".
     */
    void analyzed(String desc, HealthAnalysis.OnError onError) {
        // synchronously, as haproxy does from the stream: the stream still counts on the server
        synchronized (this) {
            int health = view.health();
            switch (onError) {
                case SUDDEN_DEATH -> {
                    if (health > settings.rise()) {
                        view.health(settings.rise() + 1);
                    }
                }
                case MARK_DOWN -> view.health(settings.rise());
                default -> {
                }
            }
            if (onError != HealthAnalysis.OnError.FASTINTER) {
                apply(CheckOutcome.of(CheckStatus.HANA, desc), -1);
            }
            server.counters().failedHana.increment();
        }
        loop.execute(() -> {
            long fast = settings.fastinter();
            if (fast > 0 && next != null && nextAt - System.nanoTime() > TimeUnit.MILLISECONDS.toNanos(fast)) {
                next.cancel(false);
                schedule(fast);
            }
        });
    }

    /** set_server_check_status() then check_notify_failure() / check_notify_success(). */
    private synchronized void apply(CheckOutcome outcome, long duration) {
        StatusCause transition = count(outcome, duration);
        if (transition == null) {
            return;
        }
        // the status counted last decides (an agent's reply becomes a status in count())
        if (!lastStatus.passed()) {
            notifyFailure(lastStatus, view.health(), transition);
        } else if (lastStatus.conditional()) {
            notifyStopping(transition);
        } else {
            notifySuccess(transition);
        }
    }

    /**
     * set_server_check_status(): counts a result in the health and logs it, without changing the
     * server's state, which happens once the run ends; null when nothing is to be notified.
     */
    private synchronized StatusCause count(CheckOutcome outcome, long duration) {
        if (outcome.reply() != null) {
            outcome = AgentAnswer.apply(outcome.reply(), server, events, loop);
        } else if (outcome.status() == null) {
            if (lastStatus == null) {
                return null;
            }
            outcome = new CheckOutcome(lastStatus, lastCode, outcome.info());
        }
        CheckStatus status = outcome.status();
        view.reported(status.shortName(), status.description(), outcome.code(), duration, outcome.info());
        int health = view.health();
        if (status.neutral()) {
            // no state change is expected: nothing counted, logged or notified
            view.checked(status.id(), status.result(), health);
            lastStatus = status;
            lastCode = outcome.code();
            return null;
        }
        int up = settings.rise() + settings.fall() - 1;
        boolean passed = status.passed();
        boolean report = false;
        if (passed) {
            if (health < up) {
                report = true;
                health++;
                if (health >= settings.rise()) {
                    health = up;
                }
            }
        } else if ((!agent || status.hasCode()) && health > 0) {
            // failing to reach the agent is no failure of the server
            report = true;
            server.counters().failedChecks.increment();
            health--;
            if (health < settings.rise()) {
                health = 0;
            }
        }
        view.checked(status.id(), status.result(), health);
        StatusCause cause = new StatusCause(status.description(), status.hasCode() ? outcome.code() : -1,
                outcome.info(), duration);
        if (settings.logHealthChecks() && (status != lastStatus || report)) {
            logCheck(passed, status.conditional(), cause, health);
        }
        lastStatus = status;
        lastCode = outcome.code();
        // the check's line already told why: the transition message does not repeat it
        return settings.logHealthChecks() ? StatusCause.NONE : cause;
    }

    /** check_notify_failure(): an agent takes its server down only when it said so (L7STS). */
    private void notifyFailure(CheckStatus status, int health, StatusCause cause) {
        if ((agent && status != CheckStatus.L7STS) || health > 0) {
            return;
        }
        StateChange.stopped(server, cause, events);
    }

    /**
     * check_notify_success(): the server comes up when neither of its checks holds it down; an
     * agent does not take it out of the stopping (NOLB) state, which only a health check sets.
     */
    private void notifySuccess(StatusCause cause) {
        CheckView health = server.check();
        CheckView agentView = server.agent();
        if (health.enabled() && health.health() < health.rise()) {
            return;
        }
        if (agentView.enabled() && agentView.health() < agentView.rise()) {
            return;
        }
        if (agent && server.state() == ServerState.STOPPING) {
            return;
        }
        StateChange.running(server, cause, events, loop);
    }

    /**
     * check_notify_stopping(): a conditional success (L7OKC) puts the server in the stopping
     * (NOLB) state when its checks would let it be up; an agent never does.
     */
    private void notifyStopping(StatusCause cause) {
        if (agent || !upByChecks()) {
            return;
        }
        StateChange.stopping(server, cause, events);
    }

    private boolean upByChecks() {
        CheckView health = server.check();
        CheckView agentView = server.agent();
        return !(health.enabled() && health.health() < health.rise()) && !(agentView.enabled() && agentView.health() < agentView.rise());
    }

    /**
     * "option log-health-checks": each check that changes the health or the status is told,
     * "Health check for server be/s1 failed, reason: ..., status: 1/2 UP." ("Agent check"
     * for an agent), as a warning and a notice in the backend's logs.
     */
    private void logCheck(boolean passed, boolean conditional, StatusCause cause, int health) {
        StringBuilder msg = new StringBuilder(agent ? "Agent check for " : "Health check for ");
        msg.append(server.isBackup() ? "backup " : "").append("server ").append(server.backend().name()).append('/')
                .append(server.name()).append(passed ? (conditional ? " conditionally succeeded" : " succeeded") : " failed");
        cause.appendTo(msg);
        boolean upSide = health >= settings.rise();
        msg.append(", status: ").append(upSide ? health - settings.rise() + 1 : health).append('/')
                .append(upSide ? settings.fall() : settings.rise()).append(' ')
                .append(upSide ? (server.weight() > 0 ? "UP" : "DRAIN") : "DOWN").append('.');
        events.warning(msg.toString());
        events.log(server.backend(), LogLevel.NOTICE, msg.toString());
    }

    /**
     * Where this run connects: the check's address and port as configured or last set from the
     * CLI, the server's where none (an agent has no port of the server's).
     */
    private java.net.InetSocketAddress target() {
        java.net.InetSocketAddress srv = server.address(null);
        if (srv == null) {
            // its name resolution just failed (it is entering maintenance): where it was set up
            srv = settings.address();
        }
        java.net.InetAddress a = view.addr() != null ? view.addr() : srv.getAddress();
        int port = view.port() != 0 ? view.port() : agent ? 0 : srv.getPort();
        return new java.net.InetSocketAddress(a, port);
    }

    /** srv_getinter(). */
    private long interval() {
        int health = view.health();
        if (health == settings.rise() + settings.fall() - 1) {
            return settings.inter();
        }
        if (server.state() == ServerState.STOPPED && health == 0) {
            return settings.downinter() > 0 ? settings.downinter() : settings.inter();
        }
        return settings.fastinter() > 0 ? settings.fastinter() : settings.inter();
    }
}
