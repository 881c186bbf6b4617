package org.jhaproxy.runtime.stats;

import org.jhaproxy.runtime.server.CheckView;
import org.jhaproxy.runtime.server.Server;

/**
 * A server's check and agent columns of "show stat" (stats_fill_sv_stats()): filled only for
 * a check that is enabled and not paused by maintenance. The status is prefixed with "* "
 * while a check runs; the health check's duration shows once a check ended, the agent's always.
 */
final class CheckFields {
    /** HCHK_STATUS_CHECKED: the first status of an ended check. */
    private static final int CHECKED = 3;

    private CheckFields() {
    }

    static void of(StatRow r, Server s) {
        CheckView c = s.check();
        if (active(c)) {
            r.set("check_status", status(c));
            if (c.hasCode()) {
                r.set("check_code", (long) c.code());
            }
            if (c.status() >= CHECKED) {
                // a check failed by the observed traffic has no duration: -1 as a u64
                r.set("check_duration", Long.toUnsignedString(c.duration()));
            }
            r.set("check_desc", c.statusDescription()).set("last_chk", c.desc());
            r.set("check_rise", (long) c.rise()).set("check_fall", (long) c.fall()).set("check_health", (long) c.health());
        }
        CheckView a = s.agent();
        if (active(a)) {
            r.set("agent_status", status(a));
            if (a.hasCode()) {
                r.set("agent_code", (long) a.code());
            }
            r.set("agent_duration", a.duration());
            r.set("agent_desc", a.statusDescription()).set("last_agt", a.desc());
            r.set("agent_rise", (long) a.rise()).set("agent_fall", (long) a.fall()).set("agent_health", (long) a.health());
        }
    }

    /** CHK_ST_ENABLED without CHK_ST_PAUSED. */
    private static boolean active(CheckView c) {
        return c.enabled() && (c.state() & CheckView.PAUSED) == 0;
    }

    private static String status(CheckView c) {
        return (c.inProgress() ? "* " : "") + c.statusName();
    }
}
