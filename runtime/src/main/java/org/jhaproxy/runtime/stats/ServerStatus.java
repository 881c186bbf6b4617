package org.jhaproxy.runtime.stats;

import org.jhaproxy.runtime.server.AdminFlags;
import org.jhaproxy.runtime.server.CheckView;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;

/**
 * A server's "status" column as haproxy's stats show it: maintenance first, then its operational
 * state with the check's progress ("UP", "UP 1/3" while failing checks take it down, "DOWN 1/2"
 * while passing ones bring it up, "NOLB", "DRAIN", "no check" without a check), "DOWN (agent)"
 * when its agent took it down, "DRAIN (agent)" for any drain of a server with an agent.
 */
final class ServerStatus {
    private ServerStatus() {
    }

    static String of(Server s) {
        int admin = s.admin();
        if ((admin & AdminFlags.RMAINT) != 0) {
            return "MAINT (resolution)";
        }
        if ((admin & AdminFlags.MAINT) != 0) {
            return "MAINT";
        }
        CheckView c = s.check();
        boolean checked = c.enabled();
        int health = c.health();
        int rise = c.rise();
        int fall = c.fall();
        ServerState st = s.state();
        if (st == ServerState.RUNNING || st == ServerState.STARTING) {
            boolean goingDown = checked && health < rise + fall - 1;
            if ((admin & AdminFlags.DRAIN) != 0) {
                if (s.agent().enabled()) {
                    return "DRAIN (agent)";
                }
                return goingDown ? progress("DRAIN", health, rise, fall, true) : "DRAIN";
            }
            if (goingDown) {
                return progress("UP", health, rise, fall, true);
            }
            return checked ? "UP" : "no check";
        }
        if (st == ServerState.STOPPING) {
            return !checked || health == rise + fall - 1 ? "NOLB" : progress("NOLB", health, rise, fall, true);
        }
        if (s.agent().enabled() && s.agent().health() == 0) {
            return "DOWN (agent)";
        }
        if (checked && health == 0) {
            return "DOWN";
        }
        if (s.agent().enabled() || checked) {
            return progress("DOWN", health, rise, fall, false);
        }
        return "DOWN";
    }

    /** "UP 2/3": checks passed towards going down (running) or up (stopped), out of fall or rise. */
    private static String progress(String word, int health, int rise, int fall, boolean running) {
        return running ? word + " " + (health - rise + 1) + "/" + fall : word + " " + health + "/" + rise;
    }
}
