package org.jhaproxy.runtime.tcp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.socket.DuplexChannel;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.proxy.Proxy;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.stream.TrafficCounts;

/**
 * The two directions of a connected TCP stream. Each one ends when its source side sends a FIN
 * or stays silent past its timeout: haproxy shuts that side for reading (shutr) and forwards
 * the end to the other side as a FIN (shutw), after which the other side's fin timeout applies.
 * The stream goes on in the other direction until it ends too, so a client timing out ("cD")
 * still gets what its server sends until the server closes (or times out). A reset or a full
 * close of either side ends the stream at once.
 */
public final class HalfClose {
    private final StreamEnds stream;
    private final Channel client;
    private final Channel server;
    private final long clientFin;
    private final long serverFin;
    /** Each side's inactivity timeout while both directions are open, in ns (0: none). */
    private long clientIdle;
    private long serverIdle;
    /** When each side last read or was written to (System.nanoTime()). */
    private long clientActive;
    private long serverActive;
    /** haproxy's timers count in milliseconds: two timeouts due within one strike together. */
    private static final long TICK = TimeUnit.MILLISECONDS.toNanos(1);
    /** The side's input ended: its FIN was read, or its read timeout struck. */
    private boolean clientShut;
    private boolean serverShut;

    private HalfClose(StreamEnds stream, Channel client, Channel server, long clientFin, long serverFin) {
        this.stream = stream;
        this.client = client;
        this.server = server;
        this.clientFin = clientFin;
        this.serverFin = serverFin;
    }

    /**
     * Starts relaying a stream whose server connection is up: the timeouts of both sides (the
     * tunnel timeout replaces both), what the client sent early first, then its FIN if it came.
     */
    static void relay(TcpStream stream, Channel client, Channel server, Proxy fe, Server target, EarlyInput early) {
        Traffic traffic = Traffic.counted(fe, target.backend(), target);
        HalfClose directions = splice(stream, client, server, fe, target.backend(), traffic);
        client.pipeline().remove(early);
        traffic.toServer(early.sendTo(server));
        server.flush();
        if (early.isShut()) {
            directions.inputClosed(client);
        } else {
            client.read();
        }
        server.read();
    }

    /**
     * Relays {@code client} and {@code server} from now on, each side under its timeout ("timeout
     * tunnel" replaces both when set) and its fin timeout: the handlers go last in both pipelines.
     * Nothing is read yet; the caller reads both sides once what came before is handed on.
     */
    public static HalfClose splice(StreamEnds stream, Channel client, Channel server, Proxy fe, Proxy be, Traffic traffic) {
        HalfClose directions = new HalfClose(stream, client, server, fe.timeouts().clientFin(), be.timeouts().serverFin());
        long tunnel = be.timeouts().tunnel();
        long clientMs = tunnel > 0 ? tunnel : fe.timeouts().client();
        long serverMs = tunnel > 0 ? tunnel : be.timeouts().server();
        directions.clientIdle = TimeUnit.MILLISECONDS.toNanos(clientMs);
        directions.serverIdle = TimeUnit.MILLISECONDS.toNanos(serverMs);
        directions.clientActive = directions.serverActive = System.nanoTime();
        FinTimeouts.idle(client, clientMs);
        client.pipeline().addLast(new Relay(server, directions, traffic::toServer));
        FinTimeouts.idle(server, serverMs);
        server.pipeline().addLast(new Relay(client, directions, traffic::toClient));
        client.pipeline().addLast(new Expiry(directions));
        server.pipeline().addLast(new Expiry(directions));
        return directions;
    }

    /** What is told of the bytes relayed each way. */
    public interface Traffic {
        /** Bytes counted in the stats of the frontend, the backend and the server (bin, bout). */
        static Traffic counted(Proxy fe, Proxy be, Server s) {
            return new Traffic() {
                @Override
                public void toServer(long bytes) {
                    TrafficCounts.in(fe, be, s, bytes);
                }

                @Override
                public void toClient(long bytes) {
                    TrafficCounts.out(fe, be, s, bytes);
                }
            };
        }

        /** {@code bytes} read from the client go to the server. */
        void toServer(long bytes);

        /** {@code bytes} read from the server go to the client. */
        void toClient(long bytes);
    }

    /** Whether what {@code from} sends is still forwarded: not once its read timed out. */
    boolean forwards(Channel from) {
        return !shut(from);
    }

    /** {@code which} sent its FIN (or its early FIN came before the server connection). */
    void inputClosed(Channel which) {
        if (shut(which)) {
            return;
        }
        if (which == client) {
            clientShut = true;
        } else {
            serverShut = true;
        }
        shutOutput(peer(which));
        if (clientShut && serverShut) {
            // both directions ended: the stream is over, and each side is closed once what was
            // written to it is out (a close now would drop what a slow reader has not taken yet)
            stream.end();
            closeWhenSent(client);
            closeWhenSent(server);
        }
    }

    private static void closeWhenSent(Channel side) {
        if (side.isActive()) {
            side.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /**
     * A side stayed idle past its timeout: a read timeout ("cD" for the client, "sD" for the
     * server) ends its direction as its FIN would. Once its input ended, only data it does not
     * take (a write timeout) still ends the stream; idleness is then expected.
     */
    void expired(Channel which) {
        TermState.Cause cause = which == client ? TermState.Cause.CLIENT_TIMEOUT : TermState.Cause.SERVER_TIMEOUT;
        if (!clientShut && !serverShut && dueToo(peer(which))) {
            // both read timeouts strike in the same tick: process_stream() sees the client's
            // first ("cD"), then the server's, and the stream ends, its server connection reset
            stream.endAs(TermState.Cause.CLIENT_TIMEOUT, TermState.Phase.DATA);
            server.config().setOption(ChannelOption.SO_LINGER, 0);
            stream.abort();
            return;
        }
        if (!shut(which)) {
            stream.endAs(cause, TermState.Phase.DATA);
            inputClosed(which);
        } else if (pendingOutput(which)) {
            stream.endAs(cause, TermState.Phase.DATA);
            stream.abort();
        }
    }

    /** {@code side} read, or was written to: its inactivity timeout starts again (as IdleStateHandler's does). */
    void active(Channel side) {
        if (side == client) {
            clientActive = System.nanoTime();
        } else {
            serverActive = System.nanoTime();
        }
    }

    /** Whether {@code side}'s inactivity timeout is due within the tick. */
    private boolean dueToo(Channel side) {
        long idle = side == client ? clientIdle : serverIdle;
        long since = System.nanoTime() - (side == client ? clientActive : serverActive);
        return idle > 0 && since >= idle - TICK;
    }

    /** One side went away: what was read from it is flushed to the other, which is then closed. */
    void closed(Channel which) {
        stream.endAs(which == client ? TermState.Cause.CLIENT_CLOSE : TermState.Cause.SERVER_CLOSE, TermState.Phase.DATA);
        Channel other = peer(which);
        if (other.isActive()) {
            other.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        }
        stream.end();
    }

    /** A read or write error on one side (a reset): the stream ends as that side's abort. */
    void failed(Channel which) {
        stream.endAs(which == client ? TermState.Cause.CLIENT_CLOSE : TermState.Cause.SERVER_CLOSE, TermState.Phase.DATA);
        if (which == client && server.isActive()) {
            // a client's reset reaches the server as a reset too (haproxy closes it with SO_LINGER 0);
            // a server's reset reaches the client as a plain close
            server.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        stream.abort();
    }

    /**
     * A FIN to {@code side} once what was written to it is out. The flush is written below its
     * inactivity handler: a FIN is no activity, so the side's timeout still counts from its last
     * exchange (haproxy's server timeout after a client's timeout counts from the server's last
     * data), unless its fin timeout replaces it.
     */
    private void shutOutput(Channel side) {
        if (!(side instanceof DuplexChannel d) || !side.isActive()) {
            return;
        }
        ChannelHandlerContext idle = side.pipeline().context(FinTimeouts.IDLE);
        ChannelFuture flushed = idle != null ? idle.writeAndFlush(Unpooled.EMPTY_BUFFER) : side.writeAndFlush(Unpooled.EMPTY_BUFFER);
        flushed.addListener((ChannelFutureListener) f -> d.shutdownOutput());
        FinTimeouts.outputShut(side, side == client ? clientFin : serverFin);
    }

    private boolean shut(Channel side) {
        return side == client ? clientShut : serverShut;
    }

    private Channel peer(Channel side) {
        return side == client ? server : client;
    }

    private static boolean pendingOutput(Channel side) {
        ChannelOutboundBuffer out = side.unsafe().outboundBuffer();
        return out != null && out.totalPendingWriteBytes() > 0;
    }
}
