package org.jhaproxy.runtime.check;

import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.log.Events;
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
        if (outcome.status().passed()) {
            if (health < up) {
                health++;
                if (health >= settings.rise()) {
                    health = up;
                }
            }
        } else if (health > 0) {
            health--;
            if (health < settings.rise()) {
                health = 0;
            }
        }
        // CHK_RES_PASSED (3) or CHK_RES_FAILED (2)
        server.check().checked(outcome.status().id(), outcome.status().passed() ? 3 : 2, health);
        StatusCause cause = new StatusCause(outcome.status().description(),
                outcome.status().hasCode() ? outcome.code() : -1, outcome.info(), duration);
        if (!outcome.status().passed() && health == 0) {
            StateChange.stopped(server, cause, events);
        } else if (outcome.status().passed() && health >= settings.rise()) {
            StateChange.running(server, cause, events);
        }
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
