package org.jhaproxy.runtime.server;

import org.jhaproxy.config.model.ServerConfig;

/**
 * The part of a server's health check that the stats socket shows ("show servers state": the
 * check's status, result, health and state flags), kept on the server so that the check, the
 * administrative changes and the CLI's forced states update the same values, as haproxy's
 * struct check embedded in struct server.
 */
public final class CheckView {
    /** HCHK_STATUS_INI: no check has run yet. */
    public static final int STATUS_INI = 1;
    /** CHK_ST_CONFIGURED | CHK_ST_ENABLED. */
    private static final int CONFIGURED_ENABLED = 0x02 | 0x04;
    /** CHK_ST_PAUSED: checks paused by maintenance. */
    private static final int PAUSED = 0x08;
    /** CHK_ST_AGENT: the server's agent check, not its health check. */
    private static final int AGENT = 0x10;

    private final boolean configured;
    private final boolean agent;
    private final int rise;
    private final int fall;
    private volatile int status = STATUS_INI;
    private volatile int result;
    private volatile int health;
    private volatile boolean paused;

    private CheckView(boolean configured, boolean agent, int rise, int fall, boolean disabled) {
        this.configured = configured;
        this.agent = agent;
        this.rise = rise;
        this.fall = fall;
        // a server disabled in the configuration starts in maintenance: no health, checks paused
        this.health = disabled && !agent ? 0 : rise;
        this.paused = disabled && !agent;
    }

    /** The server's health check ("check", "rise", "fall"). */
    static CheckView health(ServerConfig config) {
        return new CheckView(config.check(), false, Integer.parseInt(config.option("rise", "2")),
                Integer.parseInt(config.option("fall", "3")), config.disabled());
    }

    /**
     * The server's agent check ("agent-check" with a port): rise and fall are 1
     * (DEF_AGENT_RISETIME, DEF_AGENT_FALLTIME), and maintenance does not pause it, since the
     * agent may be the one to lift it.
     */
    static CheckView agent(ServerConfig config) {
        boolean on = config.has("agent-check") && (config.has("agent-port") || config.has("port"));
        return new CheckView(on, true, 1, 1, config.disabled());
    }

    /** HCHK_STATUS_* of the last check. */
    public int status() {
        return status;
    }

    /** CHK_RES_* of the last check. */
    public int result() {
        return result;
    }

    public int health() {
        return health;
    }

    /** A check is configured and enabled on the server (CHK_ST_ENABLED). */
    public boolean enabled() {
        return configured;
    }

    public int rise() {
        return rise;
    }

    public int fall() {
        return fall;
    }

    /** CHK_ST_* flags. */
    public int state() {
        return (configured ? CONFIGURED_ENABLED : 0) | (paused ? PAUSED : 0)
                | (configured && agent ? AGENT : 0);
    }

    /** An agent's "up" or "down" sets the health at once, before the reply's status counts. */
    public void health(int h) {
        this.health = h;
    }

    /** A check ended: its status and result (HCHK_STATUS_*, CHK_RES_*) and the health it left. */
    public void checked(int status, int result, int health) {
        this.status = status;
        this.result = result;
        this.health = health;
    }

    /** "set server ... health up|stopping": fully up. */
    public void forcedUp() {
        health = rise + fall - 1;
    }

    /** "set server ... health down", or maintenance entered by a running server. */
    public void forcedDown() {
        health = 0;
    }

    /** Maintenance pauses an enabled check; leaving it resumes the check from "rise". */
    void maintenance(boolean entering) {
        if (!configured) {
            return;
        }
        paused = entering;
        if (entering) {
            health = 0;
        } else {
            health = rise;
        }
    }
}
