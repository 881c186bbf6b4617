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
    /** CHK_ST_INPROGRESS, CHK_ST_CONFIGURED, CHK_ST_ENABLED. */
    private static final int INPROGRESS = 0x01;
    private static final int CONFIGURED = 0x02;
    private static final int ENABLED = 0x04;
    /** CHK_ST_PAUSED: checks paused by maintenance. */
    public static final int PAUSED = 0x08;
    /** CHK_ST_AGENT: the server's agent check, not its health check. */
    private static final int AGENT = 0x10;

    private final boolean configured;
    private final boolean agent;
    private final int rise;
    private final int fall;
    /** CHK_ST_ENABLED: a configured check runs; "disable health|agent" stops it, "enable" resumes it. */
    private volatile boolean enabled;
    private volatile int status = STATUS_INI;
    private volatile int result;
    private volatile int health;
    private volatile boolean paused;
    /** The last status's short name and description (get_check_status_info/description()). */
    private volatile String statusName = "INI";
    private volatile String statusDescription = "Initializing";
    private volatile int code;
    private volatile long duration;
    /** The last check's own text (check->desc): a socket error, an HTTP reason... */
    private volatile String desc = "";
    private volatile boolean inProgress;
    /**
     * Where the check connects (check->addr, check->port): null for the server's address, 0
     * for its port ("addr", "port"; "agent-addr", "agent-port"), changed by "set server ...
     * check-addr|check-port|agent-addr|agent-port"; and what an agent is sent ("agent-send").
     */
    private volatile java.net.InetAddress addr;
    private volatile int port;
    private volatile String send = "";

    private CheckView(boolean configured, boolean agent, int rise, int fall, boolean disabled) {
        this.configured = configured;
        this.enabled = configured;
        this.agent = agent;
        this.rise = rise;
        this.fall = fall;
        // a server disabled in the configuration starts in maintenance: no health, checks paused
        this.health = disabled && !agent ? 0 : rise;
        this.paused = disabled && !agent;
    }

    /** The server's health check ("check", "rise", "fall"). */
    static CheckView health(ServerConfig config) {
        CheckView v = new CheckView(config.check(), false, config.number("rise", 2),
                config.number("fall", 3), config.disabled());
        v.target(config.option("addr", null), config.number("port", 0));
        return v;
    }

    /**
     * The server's agent check ("agent-check" with a port): rise and fall are 1
     * (DEF_AGENT_RISETIME, DEF_AGENT_FALLTIME), and maintenance does not pause it, since the
     * agent may be the one to lift it.
     */
    static CheckView agent(ServerConfig config) {
        boolean on = config.has("agent-check") && (config.has("agent-port") || config.has("port"));
        CheckView v = new CheckView(on, true, 1, 1, config.disabled());
        v.target(config.option("agent-addr", config.option("addr", null)),
                config.number("agent-port", config.number("port", 0)));
        v.send = config.option("agent-send", "");
        return v;
    }

    /** The configured address, resolved once at start as haproxy resolves it while parsing. */
    private void target(String host, int port) {
        try {
            this.addr = host == null ? null : java.net.InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            this.addr = null;
        }
        this.port = port;
    }

    /** The address the check connects to, null for the server's. */
    public java.net.InetAddress addr() {
        return addr;
    }

    /** The port the check connects to, 0 for the server's. */
    public int port() {
        return port;
    }

    /** What an agent check sends before reading the agent's reply ("agent-send"). */
    public String send() {
        return send;
    }

    /**
     * "set server ... check-addr|check-port|agent-addr|agent-port" (srv_update_check_addr_port(),
     * srv_update_agent_addr_port()): a literal address (no resolution) and a port text, either
     * null to keep it; nothing changes unless both are valid. Returns haproxy's warning, or null.
     */
    public String retarget(String addrText, String portText) {
        if (!enabled) {
            return agent ? "agent checks are not enabled on this server" : "health checks are not enabled on this server";
        }
        java.net.InetAddress a = null;
        if (addrText != null) {
            a = io.netty.util.NetUtil.createInetAddressFromIpAddressString(addrText);
            if (a == null) {
                return "invalid addr '" + addrText + "'";
            }
        }
        long p = 0;
        if (portText != null) {
            Long v = strl2irc(portText);
            if (v == null) {
                return "provided port is not an integer";
            }
            p = v;
            if (p < 0 || p > 65535) {
                return "provided port is invalid";
            }
        }
        if (a != null) {
            this.addr = a;
        }
        if (portText != null) {
            this.port = (int) p;
        }
        return null;
    }

    /**
     * haproxy's strl2irc(): an int in decimal, "-" first for a negative one ("-" alone is 0);
     * null when empty, overflowing or with a character other than a digit.
     */
    private static Long strl2irc(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean negative = s.charAt(0) == '-';
        long v = 0;
        for (int i = negative ? 1 : 0; i < s.length(); i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            v = v * 10 + (negative ? -d : d);
            if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
                return null;
            }
        }
        return v;
    }

    /** "set server ... agent-send". */
    public void send(String text) {
        this.send = text;
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

    /** A check is enabled on the server (CHK_ST_ENABLED): it runs and holds the server's state. */
    public boolean enabled() {
        return enabled;
    }

    /** A check is configured on the server (CHK_ST_CONFIGURED), enabled or not. */
    public boolean configured() {
        return configured;
    }

    /**
     * "enable health|agent" ({@code true}), "disable health|agent": only a configured check may
     * be enabled (false when not); a disabled check stops running and no longer holds the
     * server down or up, the server staying as it is.
     */
    public boolean enabled(boolean on) {
        if (on && !configured) {
            return false;
        }
        enabled = on;
        return true;
    }

    public int rise() {
        return rise;
    }

    public int fall() {
        return fall;
    }

    /** CHK_ST_* flags. */
    public int state() {
        return (inProgress ? INPROGRESS : 0) | (configured ? CONFIGURED : 0) | (enabled ? ENABLED : 0) | (paused ? PAUSED : 0)
                | (configured && agent ? AGENT : 0);
    }

    /** An agent's "up" or "down" sets the health at once, before the reply's status counts. */
    public void health(int h) {
        this.health = h;
    }

    /** HCHK_STATUS_* short name: "L4OK", "L7STS", "INI"... */
    public String statusName() {
        return statusName;
    }

    public String statusDescription() {
        return statusDescription;
    }

    /** The L7 code the last check saw (HTTP status, agent...); shown from HCHK_STATUS_L57DATA on. */
    public int code() {
        return code;
    }

    /** Whether the last status carries a code (HCHK_STATUS_L57DATA and above). */
    public boolean hasCode() {
        return status >= 14;
    }

    /** How long the last check took, in ms. */
    public long duration() {
        return duration;
    }

    public String desc() {
        return desc;
    }

    /** A check is running now (CHK_ST_INPROGRESS): the stats prefix its status with "* ". */
    public boolean inProgress() {
        return inProgress;
    }

    /** HCHK_STATUS_START: a run begins; the previous status stays, its text is cleared. */
    public void started() {
        inProgress = true;
        desc = "";
    }

    /** The run is over, whatever it reported. */
    public void ended() {
        inProgress = false;
    }

    /**
     * A check reported (set_server_check_status()): the status's name and description, its
     * code, duration and text, before {@link #checked} counts it.
     */
    public void reported(String name, String description, int code, long duration, String desc) {
        this.statusName = name;
        this.statusDescription = description;
        this.code = code;
        this.duration = duration;
        this.desc = desc == null ? "" : desc;
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
