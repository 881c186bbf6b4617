package org.jhaproxy.runtime.check;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.log.LogLevel;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;
import org.jhaproxy.runtime.server.StateChange;
import org.jhaproxy.runtime.server.StatusCause;

/**
 * A server's health check (struct check): runs its program every "inter" on one event loop and
 * counts results as haproxy does. The health goes from 0 (down) to rise + fall - 1 (fully up);
 * a server starts up with health "rise", so its first failure takes it down, and it takes
 * "rise" successes to come back. Between checks it waits "inter", "fastinter" while changing
 * state, "downinter" while down (srv_getinter()).
 */
final class HealthCheck {
    private final Server server;
    private final CheckRules program;
    private final CheckSettings settings;
    private final EventLoop loop;
    private final Transport transport;
    private final Events events;
    private int health;
    private boolean paused;
    /** The previous check's status; null before the first one (HCHK_STATUS_INI). */
    private CheckStatus lastStatus;

    HealthCheck(Server server, CheckRules program, CheckSettings settings, EventLoop loop, Transport transport, Events events) {
        this.server = server;
        this.program = program;
        this.settings = settings;
        this.loop = loop;
        this.transport = transport;
        this.events = events;
        this.health = settings.rise();
    }

    /** The first run waits {@code delay} ms, so that checks start spread (start_check_task()). */
    void start(long delay) {
        loop.schedule(this::run, delay, TimeUnit.MILLISECONDS);
    }

    long inter() {
        return settings.inter();
    }

    private void run() {
        if (loop.isShuttingDown()) {
            return;
        }
        if (server.inMaintenance()) {
            // maintenance pauses the checks; they resume from "rise", the server up (srv_update_status())
            paused = true;
            loop.schedule(this::run, settings.inter(), TimeUnit.MILLISECONDS);
            return;
        }
        if (paused) {
            paused = false;
            health = settings.rise();
        }
        long start = System.nanoTime();
        new CheckRun(program, settings, loop, transport, outcome -> {
            long duration = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            apply(outcome, duration);
            if (!loop.isShuttingDown()) {
                loop.schedule(this::run, interval(), TimeUnit.MILLISECONDS);
            }
        }).start();
    }

    /** set_server_check_status() then check_notify_failure() / check_notify_success(). */
    private void apply(CheckOutcome outcome, long duration) {
        int up = settings.rise() + settings.fall() - 1;
        boolean passed = outcome.status().passed();
        boolean report = false;
        if (passed) {
            if (health < up) {
                report = true;
                health++;
                if (health >= settings.rise()) {
                    health = up;
                }
            }
        } else if (health > 0) {
            report = true;
            health--;
            if (health < settings.rise()) {
                health = 0;
            }
        }
        // CHK_RES_PASSED (3) or CHK_RES_FAILED (2)
        server.check().checked(outcome.status().id(), outcome.status().passed() ? 3 : 2, health);
        StatusCause cause = new StatusCause(outcome.status().description(),
                outcome.status().hasCode() ? outcome.code() : -1, outcome.info(), duration);
        if (settings.logHealthChecks() && (outcome.status() != lastStatus || report)) {
            logCheck(passed, cause);
        }
        lastStatus = outcome.status();
        // the check's line already told why: the transition message does not repeat it
        StatusCause transition = settings.logHealthChecks() ? StatusCause.NONE : cause;
        if (!passed && health == 0) {
            StateChange.stopped(server, transition, events);
        } else if (passed && health >= settings.rise()) {
            StateChange.running(server, transition, events, loop);
        }
    }

    /**
     * "option log-health-checks": each check that changes the health or the status is told,
     * "Health check for server be/s1 failed, reason: ..., status: 1/2 UP.", as a warning and
     * a notice in the backend's logs.
     */
    private void logCheck(boolean passed, StatusCause cause) {
        StringBuilder msg = new StringBuilder("Health check for ");
        msg.append(server.isBackup() ? "backup " : "").append("server ").append(server.backend().name()).append('/')
                .append(server.name()).append(passed ? " succeeded" : " failed");
        cause.appendTo(msg);
        boolean upSide = health >= settings.rise();
        msg.append(", status: ").append(upSide ? health - settings.rise() + 1 : health).append('/')
                .append(upSide ? settings.fall() : settings.rise()).append(' ')
                .append(upSide ? (server.weight() > 0 ? "UP" : "DRAIN") : "DOWN").append('.');
        events.warning(msg.toString());
        events.log(server.backend(), LogLevel.NOTICE, msg.toString());
    }

    /** srv_getinter(). */
    private long interval() {
        if (health == settings.rise() + settings.fall() - 1) {
            return settings.inter();
        }
        if (server.state() == ServerState.STOPPED && health == 0) {
            return settings.downinter() > 0 ? settings.downinter() : settings.inter();
        }
        return settings.fastinter() > 0 ? settings.fastinter() : settings.inter();
    }
}
