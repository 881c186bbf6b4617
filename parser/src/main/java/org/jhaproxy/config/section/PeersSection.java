package org.jhaproxy.config.section;

import java.util.List;
import org.jhaproxy.config.addr.AddressParseResult;
import org.jhaproxy.config.addr.AddressParser;
import org.jhaproxy.config.diag.ErrCode;
import org.jhaproxy.config.server.BindArguments;
import org.jhaproxy.config.global.TooManyArgs;
import org.jhaproxy.config.log.LogTargetParser;
import org.jhaproxy.config.model.LogTarget;
import org.jhaproxy.config.model.PeersBuilder;
import org.jhaproxy.config.model.Position;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.config.source.ParseContext;
import org.jhaproxy.config.source.Section;

/**
 * The "peers" section (cfg_parse_peers() in cfgparse.c). The local peer is the one named like
 * this host (the "localpeer" global setting, HAPROXY_LOCALPEER or the host name); declaring it
 * gives the section its frontend, which makes the configuration start even without proxies.
 * Either "peer" lines or "bind" + "server" lines describe the peers, never both.
 */
public final class PeersSection implements Section {
    /** server.c's address options for a peer (parse_server() with SRV_PARSE_INITIAL_RESOLVE). */
    static final int PEER_ADDRESS = AddressParser.RESOLVE | AddressParser.PORT_OK | AddressParser.PORT_OFS
            | AddressParser.STREAM | AddressParser.XPRT | AddressParser.CONNECT;
    private static final List<String> IGNORED_FOR_PEERS = List.of("check", "agent-check", "resolvers", "init-addr");

    private PeersBuilder current;
    private boolean bindLine;
    private boolean peerLine;
    private final List<LogTarget> logs = new java.util.ArrayList<>();

    @Override
    public String name() {
        return "peers";
    }

    @Override
    public int parse(ParseContext ctx, Line line) {
        String kw = line.keyword();
        if (current == null && !kw.equals("peers")) {
            // the lines of a peers section whose header was rejected
            return ErrCode.NONE;
        }
        switch (kw) {
            case "peers":
                return header(ctx, line);
            case "bind":
            case "default-bind":
                return bind(ctx, line);
            case "default-server":
                return ErrCode.NONE;
            case "log":
                return LogTargetParser.parseAndReport(ctx, line, logs, ctx.config().global().logTargets());
            case "peer":
            case "server":
                return peer(ctx, line);
            case "table":
                // validated like a proxy's stick-table by haproxy; kept for the runtime
                current.tables().add(new org.jhaproxy.config.model.PeersTable(current.name() + "/" + line.arg(1), line));
                return ErrCode.NONE;
            case "disabled":
                current.disabled(true);
                return ErrCode.NONE;
            case "enabled":
                current.disabled(false);
                return ErrCode.NONE;
            default:
                ctx.diag().alert(String.format("parsing [%s:%d] : unknown keyword '%s' in '%s' section", line.file(), line.lineNo(), kw,
                        "peers"));
                return ErrCode.ALERT_FATAL;
        }
    }

    private int header(ParseContext ctx, Line line) {
        bindLine = false;
        peerLine = false;
        current = null;
        if (line.arg(1).isEmpty()) {
            ctx.diag().alert(String.format("parsing [%s:%d] : missing name for peers section.", line.file(), line.lineNo()));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        int err = TooManyArgs.alertIf(ctx, line, 1);
        if (err != 0) {
            return err;
        }
        Character bad = SectionName.invalidChar(line.arg(1));
        if (bad != null) {
            ctx.diag().alert(String.format("parsing [%s:%d] : character '%c' is not permitted in '%s' name '%s'.",
                    line.file(), line.lineNo(), bad, line.keyword(), line.arg(1)));
            return ErrCode.ALERT | ErrCode.ABORT;
        }
        for (PeersBuilder p : ctx.config().peersSections()) {
            if (p.name().equals(line.arg(1))) {
                ctx.diag().alert(String.format("Parsing [%s:%d]: peers section '%s' has the same name as another peers section declared at %s:%d.",
                        line.file(), line.lineNo(), line.arg(1), p.at().file(), p.at().line()));
                err |= ErrCode.ALERT_FATAL;
            }
        }
        current = new PeersBuilder(line.arg(1), new Position(line.file(), line.lineNo()));
        ctx.config().peersSections().add(current);
        return err;
    }

    private int bind(ParseContext ctx, Line line) {
        if (line.keyword().equals("default-bind")) {
            return BindArguments.parse(ctx, line, 1, "peers", 0);
        }
        if (peerLine) {
            ctx.diag().alert(String.format("parsing [%s:%d] : mixing \"peer\" and \"bind\" line is forbidden", line.file(), line.lineNo()));
            return ErrCode.ALERT_FATAL;
        }
        AddressParseResult r = AddressParser.system(ctx.env()::get).parse(line.arg(1), ListenerAddress.OPTIONS);
        if (!r.ok()) {
            ctx.diag().alert(String.format("parsing [%s:%d] : '%s %s' : %s", line.file(), line.lineNo(), line.keyword(), line.arg(1),
                    ListenerAddress.indent(r.error())));
            return ErrCode.FATAL;
        }
        bindLine = true;
        current.hasBind(true);
        // the options of the listener are bind keywords (bind_parse_args_list())
        return BindArguments.parse(ctx, line, 2, "peers", BindArguments.listenerCount(r.address()));
    }

    private int peer(ParseContext ctx, Line line) {
        boolean isPeer = line.keyword().equals("peer");
        boolean local = line.arg(1).equals(LocalPeer.name(ctx));
        if (isPeer) {
            if (bindLine) {
                ctx.diag().alert(String.format("parsing [%s:%d] : mixing \"peer\" and \"bind\" line is forbidden", line.file(), line.lineNo()));
                return ErrCode.ALERT_FATAL;
            }
            peerLine = true;
        }
        if (local) {
            for (PeersBuilder.Peer p : current.peers()) {
                if (p.local()) {
                    ctx.diag().alert(String.format("parsing [%s:%d] : '%s %s' : local peer name already referenced at %s:%d. %s",
                            line.file(), line.lineNo(), line.keyword(), line.arg(1), p.at().file(), p.at().line(), p.name()));
                    return ErrCode.FATAL;
                }
            }
        }
        String feName = current.peers().stream().filter(PeersBuilder.Peer::local).map(PeersBuilder.Peer::name).findFirst()
                .orElse(local ? line.arg(1) : "(null)");
        int err = ErrCode.NONE;
        boolean parseAddress = isPeer || !local;
        if (line.arg(1).isEmpty() || (parseAddress && line.arg(2).isEmpty())) {
            if (line.arg(1).isEmpty()) {
                ctx.diag().alert(String.format("'%s' expects <name> and <addr>[:<port>] as arguments.", line.keyword()));
                return ErrCode.ALERT_FATAL;
            }
            // a peer without address is accepted and ignored
            if (local) {
                current.peers().add(new PeersBuilder.Peer(line.arg(1), null, true, new Position(line.file(), line.lineNo())));
                current.localPeerSeen(true);
            }
            return ErrCode.NONE;
        }
        Character bad = SectionName.invalidChar(line.arg(1));
        if (bad != null) {
            ctx.diag().alert(String.format("character '%c' is not permitted in %s %s '%s'.", bad, "server", "name", line.arg(1)));
            return ErrCode.ALERT_FATAL;
        }
        int next = 2;
        if (parseAddress) {
            AddressParseResult r = AddressParser.system(ctx.env()::get).parse(line.arg(2), PEER_ADDRESS);
            if (!r.ok()) {
                ctx.diag().alert(String.format("[%s:%d] : 'server %s/%s' : %s", line.file(), line.lineNo(), feName, line.arg(1),
                        r.error().endsWith("\n") ? r.error() + "\n" : r.error()));
                return ErrCode.ALERT_FATAL;
            }
            next = 3;
        }
        for (int i = next; !line.arg(i).isEmpty(); i++) {
            if (IGNORED_FOR_PEERS.contains(line.arg(i))) {
                ctx.diag().warning(String.format("parsing [%s:%d] : '%s %s' : init_addr, resolvers, check and agent are ignored for peers.",
                        line.file(), line.lineNo(), line.keyword(), line.arg(1)));
                err |= ErrCode.WARN;
                break;
            }
        }
        current.peers().add(new PeersBuilder.Peer(line.arg(1), parseAddress ? line.arg(2) : null, local,
                new Position(line.file(), line.lineNo())));
        if (local) {
            current.localPeerSeen(true);
        }
        return err;
    }
}
