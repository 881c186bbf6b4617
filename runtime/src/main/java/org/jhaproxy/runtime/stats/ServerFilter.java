package org.jhaproxy.runtime.stats;

import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.CheckView;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;

/**
 * The server lines "show stat ... [up|no-maint]" leaves out (management.txt 9.3): "no-maint"
 * the servers in maintenance, "up" those too and the servers DOWN that no enabled check can
 * bring back now (none enabled, or one at its lowest health), as haproxy's STAT_HIDE_MAINT and
 * STAT_HIDE_DOWN do. With either, a backend's status also says how many of its servers are not
 * down, "UP (2/4)".
 */
public record ServerFilter(boolean hideDown, boolean hideMaint) {
    /** Every server. */
    public static final ServerFilter ALL = new ServerFilter(false, false);

    /** Whether some servers may be hidden, and the backends count them. */
    public boolean filters() {
        return hideDown || hideMaint;
    }

    public boolean shows(Server s) {
        if (hideMaint && s.inMaintenance()) {
            return false;
        }
        if (!hideDown) {
            return true;
        }
        if (s.inMaintenance()) {
            return false;
        }
        if (s.state() != ServerState.STOPPED) {
            return true;
        }
        CheckView check = s.check();
        CheckView agent = s.agent();
        boolean stuck = (!check.enabled() && !agent.enabled()) || (agent.enabled() && agent.health() == 0)
                || (check.enabled() && check.health() == 0);
        return !stuck;
    }

    /** The backend's status with its count of servers not stopped, over all its servers. */
    static String counted(String status, Proxy backend) {
        int up = 0;
        for (Server s : backend.servers()) {
            if (s.state() != ServerState.STOPPED) {
                up++;
            }
        }
        return status + " (" + up + "/" + backend.servers().size() + ")";
    }
}
