package org.jhaproxy.runtime.server;

import java.util.Set;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.stream.Streams;

/**
 * srv_shutdown_streams() on a state change: "on-marked-down shutdown-sessions" ends the streams
 * of a server going down (logged 'D'), "on-marked-up shutdown-backup-sessions" those of every
 * backup server of its backend when an active server with a weight comes up (logged 'U'). The
 * streams end on their own event loops, after the change is reported.
 */
public final class SessionShutdown {
    /** The server options executed here, listed in RuntimeSupport. */
    public static final Set<String> SERVER_OPTIONS = Set.of("on-marked-down", "on-marked-up");

    private SessionShutdown() {
    }

    /** The server was marked down (by its checks or for maintenance). */
    static void markedDown(Server s) {
        if ("shutdown-sessions".equals(s.config().option("on-marked-down", null))) {
            end(s, TermState.Cause.DOWN);
        }
    }

    /** The server was marked up (by its checks or leaving maintenance). */
    static void markedUp(Server s) {
        if ("shutdown-backup-sessions".equals(s.config().option("on-marked-up", null)) && !s.config().backup()
                && s.eweight() > 0) {
            for (Server b : s.backend().servers()) {
                if (b.config().backup()) {
                    end(b, TermState.Cause.UP);
                }
            }
        }
    }

    private static void end(Server s, TermState.Cause why) {
        Streams streams = s.backend().streams();
        if (streams != null) {
            streams.on(s).forEach(l -> l.kill(why));
        }
    }
}
