package org.jhaproxy.runtime.server;

import org.jhaproxy.runtime.log.Events;

/**
 * A server takes back the state a server-state file saved for it (srv_state_srv_update()):
 * every field is checked first, and one invalid value applies nothing ("server-state
 * application failed for server 'be/s1', invalid srv_op_state value '9'"). Then its
 * operational state (reported as "changed from server-state after a reload"), its
 * administrative state unless the configuration changed it, its user weight unless the
 * configured one changed, the time since its last change, its check's status and whether
 * "disable health|agent" stopped them, its service port, its check and agent addresses; a
 * failure there leaves the rest applied ("server-state partially applied ...").
 */
final class ServerStateUpdate {
    /** SRV_UWGHT_MAX. */
    private static final long MAX_WEIGHT = 256;
    /** HCHK_STATUS_SIZE. */
    private static final int CHECK_STATUSES = 21;
    /** CHK_ST_* flags a saved check state may have: in progress, configured, enabled, paused, agent. */
    private static final int CHECK_STATE_FLAGS = 0x1f;
    private static final int CHK_ST_CONFIGURED = 0x02;
    private static final int CHK_ST_ENABLED = 0x04;
    private static final StatusCause FROM_STATE_FILE = new StatusCause(null, -1, "changed from server-state after a reload", -1);

    private ServerStateUpdate() {
    }

    /** The address saved for the server (srv->lastaddr), for "init-addr last"; null for "-". */
    static String lastAddr(ServerStateLine line) {
        String a = line.param(0);
        return a == null || a.equals("-") ? null : a;
    }

    static void apply(Server s, ServerStateLine line, Events events) {
        StringBuilder msg = new StringBuilder();
        Long op = number(line, 1, "srv_op_state", msg, v -> v >= 0 && v <= 3);
        Long admin = strtol(line.param(2));
        long adminKept = admin == null ? 0 : admin & ~(AdminFlags.IDRAIN | AdminFlags.IMAINT | AdminFlags.HMAINT | AdminFlags.RMAINT);
        if (admin == null || !validAdmin(adminKept)) {
            msg.append(", invalid srv_admin_state value '").append(line.param(2)).append('\'');
        }
        Long uweight = number(line, 3, "srv_uweight", msg, v -> (v & 0xffffffffL) <= MAX_WEIGHT);
        Long iweight = number(line, 4, "srv_iweight", msg, v -> (v & 0xffffffffL) <= MAX_WEIGHT);
        Long since = number(line, 5, "srv_last_time_change", msg, v -> true);
        Long status = number(line, 6, "srv_check_status", msg, v -> (short) (long) v < CHECK_STATUSES);
        Long result = number(line, 7, "srv_check_result", msg, v -> v >= 0 && v <= 4);
        Long health = number(line, 8, "srv_check_health", msg, v -> true);
        Long checkState = number(line, 9, "srv_check_state", msg, v -> (v & ~CHECK_STATE_FLAGS) == 0);
        Long agentState = number(line, 10, "srv_agent_state", msg, v -> (v & ~CHECK_STATE_FLAGS) == 0);
        number(line, 11, "bk_f_forced_id", msg, v -> v == 0 || v == 1);
        number(line, 12, "srv_f_forced_id", msg, v -> v == 0 || v == 1);
        String fqdn = line.param(13);
        if (fqdn != null && !fqdn.startsWith("-") && (fqdn.length() > 255 || !fqdn.matches("[A-Za-z0-9._-]*"))) {
            msg.append(", invalid srv_fqdn value '").append(fqdn).append('\'');
        }
        String portText = line.param(14);
        long port = portText == null ? -1 : strl2uic(portText);
        if (port > 0xffff) {
            msg.append(", invalid srv_port value '").append(portText).append('\'');
            port = -1;
        }
        if (msg.length() > 0) {
            report(s, "server-state application failed for server '", msg, events);
            return;
        }
        operational(s, op.intValue(), health.intValue(), events);
        administrative(s, (int) adminKept, iweight, events);
        s.lastChangedAgo(since);
        s.check().checked(status.intValue(), result.intValue(), s.check().health());
        if (s.check().configured() && (checkState & CHK_ST_CONFIGURED) != 0 && (checkState & CHK_ST_ENABLED) == 0) {
            s.check().enabled(false);
        }
        if (s.agent().configured() && (agentState & CHK_ST_CONFIGURED) != 0 && (agentState & CHK_ST_ENABLED) == 0) {
            s.agent().enabled(false);
        }
        // a weight changed in the configuration wins over one changed on the CLI
        AdminChange.weight(s, iweight == s.initialWeight() ? uweight.intValue() : s.weight(), events);
        if (port >= 0) {
            s.moveTo(null, (int) port, s.mapsPorts());
        }
        String warning = retarget(s.check(), line.param(18), line.param(17));
        if (warning == null) {
            warning = retarget(s.agent(), line.param(19), line.param(20));
        }
        if (warning != null) {
            report(s, "server-state partially applied for server '", new StringBuilder(", ").append(warning), events);
        }
    }

    /** The saved operational state, with the check's health made consistent with it. */
    private static void operational(Server s, int op, int health, Events events) {
        CheckView c = s.check();
        c.health(health);
        int rise = c.rise();
        int fall = c.fall();
        switch (op) {
            case 0 -> {
                c.health(0);
                StateChange.stopped(s, FROM_STATE_FILE, events);
            }
            case 1 -> {
                if (rise == 1) {
                    c.health(rise + fall - 1);
                    StateChange.running(s, StatusCause.NONE, events);
                } else if (health < 1 || health >= rise) {
                    c.health(rise - 1);
                }
            }
            case 3 -> {
                if (fall == 1) {
                    c.health(0);
                    StateChange.stopped(s, FROM_STATE_FILE, events);
                    return;
                }
                if (health < rise || health > rise + fall - 2) {
                    c.health(rise);
                }
                StateChange.stopping(s, FROM_STATE_FILE, events);
            }
            default -> {
                c.health(rise + fall - 1);
                StateChange.running(s, StatusCause.NONE, events);
            }
        }
    }

    /**
     * A maintenance changed in the configuration ("disabled" added or removed) wins; else the
     * saved forced maintenance comes back; a saved drain comes back unless it only came from a
     * configured weight of 0 that is no longer 0.
     */
    private static void administrative(Server s, int saved, long savedIweight, Events events) {
        int now = s.admin();
        if ((saved & AdminFlags.CMAINT) != (now & AdminFlags.CMAINT)) {
            if ((now & AdminFlags.CMAINT) != 0) {
                AdminChange.maint(s, events);
            } else {
                AdminChange.ready(s, events, null);
            }
        } else if ((saved & AdminFlags.FMAINT) != 0 && (now & AdminFlags.CMAINT) == 0) {
            AdminChange.maint(s, events);
        } else if ((saved & AdminFlags.FMAINT) == 0 && (now & AdminFlags.CMAINT) != 0) {
            AdminChange.ready(s, events, null);
        }
        if ((s.admin() & AdminFlags.FMAINT) == 0 && (saved & AdminFlags.FDRAIN) != 0
                && (savedIweight > 0 || s.initialWeight() == 0)) {
            AdminChange.drain(s, events, null);
        }
    }

    private static boolean validAdmin(long a) {
        int c = AdminFlags.CMAINT;
        int f = AdminFlags.FMAINT;
        int d = AdminFlags.FDRAIN;
        return a == 0 || a == f || a == c || a == (c | f) || a == (c | d) || a == d;
    }

    /** srv_update_check_addr_port() / srv_update_agent_addr_port() for saved fields other than "-" and "0". */
    private static String retarget(CheckView c, String addr, String port) {
        String a = addr == null || addr.equals("-") ? null : addr;
        String p = port == null || port.equals("0") ? null : port;
        if (a == null && p == null) {
            return null;
        }
        return c.retarget(a, p);
    }

    @FunctionalInterface
    private interface Valid {
        boolean test(long v);
    }

    /** A numeric field: its value, or null after appending ", invalid NAME value 'TEXT'" to {@code msg}. */
    private static Long number(ServerStateLine line, int i, String name, StringBuilder msg, Valid valid) {
        Long v = strtol(line.param(i));
        if (v == null || !valid.test(v)) {
            msg.append(", invalid ").append(name).append(" value '").append(line.param(i)).append('\'');
            return null;
        }
        return v;
    }

    private static Long strtol(String text) {
        return text == null ? null : ServerStateLine.strtol(text);
    }

    /** strl2uic(): the leading decimal digits as an unsigned int (0 when none). */
    private static long strl2uic(String text) {
        long v = 0;
        for (int i = 0; i < text.length() && Character.isDigit(text.charAt(i)); i++) {
            v = (v * 10 + (text.charAt(i) - '0')) & 0xffffffffL;
        }
        return v;
    }

    private static void report(Server s, String what, CharSequence details, Events events) {
        events.warning(what + s.backend().name() + "/" + s.name() + "'" + details);
    }
}
