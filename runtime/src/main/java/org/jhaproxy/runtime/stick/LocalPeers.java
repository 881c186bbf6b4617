package org.jhaproxy.runtime.stick;

import java.util.List;
import java.util.Set;
import org.jhaproxy.config.model.PeersBuilder;
import org.jhaproxy.config.model.Position;

/**
 * Which "peers" sections jhaproxy runs (configuration.txt 3.5 "Peers"). Peers push stick-table
 * updates to the other peers of their section over the peers protocol, which jhaproxy does not
 * speak. A section without remote peer needs none of it, so it runs as is: one that does not
 * name the local peer (the host name, "localpeer" or -L) is removed by haproxy with a warning,
 * a disabled one does nothing, and one whose only peer is the local one would only hand the
 * tables over from an old process to a new one on reload (jhaproxy starts with empty tables,
 * and does not listen on the local peer's address). A section with a remote peer is refused.
 * Its "table" lines are stick-tables like a proxy's, named "peers/table" (see StickTables).
 */
public final class LocalPeers {
    /** The peers keywords executed (RuntimeSupport's entry format), within the sections accepted. */
    public static final Set<String> EXECUTED = Set.of("global localpeer", "peers peers", "peers peer", "peers server",
            "peers bind", "peers enabled", "peers disabled", "peers table");

    private LocalPeers() {
    }

    /** The section a line of a peers section belongs to: the last one declared before it in its file. */
    public static PeersBuilder sectionAt(List<PeersBuilder> sections, Position at) {
        PeersBuilder found = null;
        for (PeersBuilder p : sections) {
            if (p.at().file().equals(at.file()) && p.at().line() <= at.line()
                    && (found == null || p.at().line() >= found.at().line())) {
                found = p;
            }
        }
        return found;
    }

    /** Why the section cannot run ("-c" notice, start alert), or null when it can. */
    public static String refusal(PeersBuilder p) {
        if (p == null || p.disabled() || !p.localPeerSeen()) {
            return null;
        }
        for (PeersBuilder.Peer peer : p.peers()) {
            if (!peer.local()) {
                return "parsing [" + peer.at().file() + ":" + peer.at().line() + "] : peers section '" + p.name()
                        + "' has the remote peer '" + peer.name() + "': synchronizing stick-tables with other peers"
                        + " (the peers protocol) is not supported by jhaproxy yet.";
            }
        }
        return null;
    }
}
