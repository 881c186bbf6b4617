package org.jhaproxy.runtime.check;

import java.net.InetSocketAddress;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.CheckView;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.ServerState;

/**
 * The value of "http-check send-state"'s X-Haproxy-Server-State header
 * (httpchk_build_status_header()): "UP 1/3; address=...; port=...; name=be/srv; node=...;
 * weight=1/2; scur=0/0; qcur=0". The health is told as the stats do ("UP 2/3" while going
 * down, "DOWN 1/2" while going up); weights are in user units, the second one the backend's
 * total of usable servers.
 */
final class ServerStateHeader {
    /** The node's name: the host's name (global.node's default, gethostname()). */
    private static final String NODE = hostname();

    private ServerStateHeader() {
    }

    static String of(Server s, CheckView check, CheckSettings settings) {
        StringBuilder b = new StringBuilder();
        int health = check.health();
        int rise = settings.rise();
        int fall = settings.fall();
        if (s.state() != ServerState.STOPPED) {
            b.append(s.state() == ServerState.STOPPING ? "NOLB" : "UP");
            if (health != rise + fall - 1) {
                b.append(' ').append(health - rise + 1).append('/').append(fall);
            }
        } else {
            b.append("DOWN");
            if (health > 0) {
                b.append(' ').append(health).append('/').append(rise);
            }
        }
        Proxy p = s.backend();
        InetSocketAddress a = s.address(null);
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        b.append("; address=").append(host).append("; port=").append(a.getPort());
        b.append("; name=").append(p.name()).append('/').append(s.name());
        b.append("; node=").append(NODE);
        b.append("; weight=").append(scaled(s.eweight())).append('/').append(scaled(totalWeight(p)));
        b.append("; scur=").append(s.currentConns()).append('/')
                .append(p.beconn().get() - p.balancer().queue().length());
        b.append("; qcur=").append(s.queue().length());
        return b.toString();
    }

    /** The backend's usable weight: its active servers', else its backup servers' (lbprm.tot_weight). */
    private static long totalWeight(Proxy p) {
        long act = 0;
        long bck = 0;
        for (Server s : p.servers()) {
            if (s.isUsable()) {
                if (s.isBackup()) {
                    bck += s.eweight();
                } else {
                    act += s.eweight();
                }
            }
        }
        return act > 0 ? act : bck;
    }

    private static String hostname() {
        String h = org.jhaproxy.runtime.process.ProcessFacts.hostname();
        return h == null ? "localhost" : h;
    }

    private static long scaled(long eweight) {
        return (eweight + Server.EWEIGHT_SCALE - 1) / Server.EWEIGHT_SCALE;
    }
}
