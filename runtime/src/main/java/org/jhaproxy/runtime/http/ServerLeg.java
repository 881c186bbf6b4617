package org.jhaproxy.runtime.http;

import io.netty.channel.Channel;
import org.jhaproxy.runtime.server.Server;

/**
 * The server side of one HTTP transaction: the connection it uses and the server slot it holds.
 * The connection is owned from {@link #attach} until it is closed, aborted or given back to the
 * server's idle pool; the slot is held until {@link #releaseSlot}, which a stream may call after
 * the connection is gone (haproxy frees the slot when the stream leaves the server).
 */
final class ServerLeg {
    private Channel channel;
    private ServerSide side;
    private Server server;
    /** The server's slot was given back while the stream still names the server. */
    private boolean slotGiven;

    /** Takes {@code ch}, connected (or reused) to {@code s}, for {@code owner}'s responses. */
    void attach(Channel ch, Server s, HttpStream owner) {
        channel = ch;
        server = s;
        slotGiven = false;
        side = ch.pipeline().get(ServerSide.class);
        side.owner(owner);
    }

    /** The connection in use, or null before it is connected or after it is let go. */
    Channel channel() {
        return channel;
    }

    /** The server whose slot is held, or null. */
    Server server() {
        return server;
    }

    boolean connected() {
        return channel != null;
    }

    /**
     * The server closed the connection itself: the reference goes, and the slot with it (haproxy
     * frees it as the server side disconnects, before the analysers see the close: the "N
     * sessions active" of an "observe" transition no longer counts this stream). True when the
     * connection ended on an error (a reset by the server), not on its close.
     */
    boolean lost() {
        channel = null;
        freeSlot();
        return side != null && side.reset();
    }

    /** Closes the connection gently (a FIN): a rule answered or a response was refused. */
    void close() {
        Channel ch = detach();
        if (ch != null) {
            ch.close();
        }
    }

    /** haproxy aborts a server connection it gives up on with a reset (SO_LINGER 0). */
    void abort() {
        Channel ch = detach();
        if (ch != null) {
            reset(ch);
        }
    }

    /**
     * The response was forwarded whole: a {@code reusable} connection goes to its client
     * session when {@code session} is given ("http-reuse never"), else to the server's idle
     * pool; any other, and one that finds no room, is reset. An idle connection keeps one read pending, so that a close while
     * idle is seen: the server connection never leaves manual reads, which keeps the epoll
     * interest set as it is across the pool (a toggle costs an epoll_ctl each way).
     */
    void finish(boolean reusable, SessionConnections session) {
        Channel ch = detach();
        if (ch == null) {
            return;
        }
        if (reusable && ch.isActive()) {
            if (session != null ? session.keep(server, ch) : server.idle().put(ch)) {
                ch.read();
            } else {
                // no room to keep it: closed hard like any server connection haproxy closes
                // before the server did (FD_LINGER_RISK), which leaves no TIME_WAIT on the proxy
                reset(ch);
            }
        } else {
            reset(ch);
        }
    }

    /** Gives the server its slot back (once). */
    void releaseSlot() {
        freeSlot();
        server = null;
    }

    /**
     * The server side is disconnected (a close, a read timeout shutting it): its slot goes now,
     * while the stream still names the server, as haproxy's stream leaves the server's cur_sess
     * at the disconnection, before its analysers report the failure.
     */
    void freeSlot() {
        if (server != null && !slotGiven) {
            slotGiven = true;
            server.connectionReleased();
        }
    }

    private Channel detach() {
        Channel ch = channel;
        if (ch != null) {
            side.owner(null);
            channel = null;
        }
        return ch;
    }

    static void reset(Channel ch) {
        org.jhaproxy.runtime.stream.ServerConnector.closeHard(ch);
    }
}
