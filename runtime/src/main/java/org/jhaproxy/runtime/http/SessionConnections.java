package org.jhaproxy.runtime.http;

import io.netty.channel.Channel;
import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;

/**
 * The server connections a client session owns (haproxy's sess->srv_list). With "http-reuse
 * never" a server connection is never shared: after its response it stays with its session,
 * which uses it again for its next request to the same server, and it is reset with the session.
 * A session keeps at most max-session-srv-conns (10) of them. "option prefer-last-server" sends
 * the session's next request to a server it already holds a connection to.
 */
final class SessionConnections {
    /** max-session-srv-conns' default. */
    private static final int MAX = 10;

    private final List<Server> servers = new ArrayList<>(2);
    private final List<Channel> channels = new ArrayList<>(2);

    /** The session's connection to {@code s}, taken out of the list; null without a live one. */
    Channel take(Server s) {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i) == s) {
                servers.remove(i);
                Channel ch = channels.remove(i);
                if (ch.isActive()) {
                    return ch;
                }
                i--;
            }
        }
        return null;
    }

    /**
     * Keeps {@code ch}, whose response is over, for the session; false when the session holds
     * its maximum already (the caller closes it).
     */
    boolean keep(Server s, Channel ch) {
        if (servers.size() >= MAX) {
            return false;
        }
        servers.add(s);
        channels.add(ch);
        return true;
    }

    /**
     * assign_server() with "option prefer-last-server": the first server of {@code backend} the
     * session holds a live connection to and that can take traffic, else null.
     */
    Server preferred(Proxy backend) {
        for (int i = 0; i < servers.size(); i++) {
            Server s = servers.get(i);
            if (s.backend() == backend && s.isUsable() && channels.get(i).isActive()) {
                return s;
            }
        }
        return null;
    }

    /** The session ends: its idle server connections are reset, as haproxy releases them. */
    void closeAll() {
        channels.forEach(ServerLeg::reset);
        channels.clear();
        servers.clear();
    }
}
