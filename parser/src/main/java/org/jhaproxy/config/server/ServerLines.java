package org.jhaproxy.config.server;

import java.util.EnumSet;
import java.util.Set;
import org.jhaproxy.config.model.ProxyBuilder;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;

/**
 * parse_server() for the sections other than proxies that declare servers: peers ("peer",
 * "server", "default-server"), rings ("server") and resolvers. The owner is the section's
 * internal proxy (HAProxy's peers_fe / ring's proxy), which must hold the BACKEND capability
 * and is not listed among the configuration's proxies. The server is appended to
 * {@code owner.servers()}; the result is the ErrCode bits.
 */
public final class ServerLines {
    private ServerLines() {
    }

    /** A "server"/"peer" line; {@code parseAddress} false for a local peer's line without address. */
    public static int server(ParseContext ctx, Line line, ProxyBuilder owner, boolean parseAddress, boolean peerSection) {
        Set<ServerLine.Flag> flags = EnumSet.of(ServerLine.Flag.INITIAL_RESOLVE);
        if (parseAddress) {
            flags.add(ServerLine.Flag.PARSE_ADDR);
        }
        if (peerSection) {
            flags.add(ServerLine.Flag.IN_PEER_SECTION);
        }
        return ServerLine.parse(ctx, line, owner, ServerLine.Kind.SERVER, flags);
    }

    /** A "default-server" line of such a section. */
    public static int defaultServer(ParseContext ctx, Line line, ProxyBuilder owner) {
        return ServerLine.parse(ctx, line, owner, ServerLine.Kind.DEFAULT_SERVER,
                EnumSet.of(ServerLine.Flag.INITIAL_RESOLVE, ServerLine.Flag.IN_PEER_SECTION));
    }

    /**
     * True when the last server of {@code owner} uses init-addr, resolvers, check or agent-check:
     * a peers section then warns "init_addr, resolvers, check and agent are ignored for peers."
     */
    public static boolean usesIgnoredPeerOptions(ProxyBuilder owner) {
        if (owner.servers().isEmpty()) {
            return false;
        }
        var s = owner.servers().get(owner.servers().size() - 1);
        return !s.initAddr().isEmpty() || s.resolvers() != null || s.check() || s.agentCheck();
    }
}
