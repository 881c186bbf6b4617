package org.jhaproxy.runtime.tcp;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.socket.DuplexChannel;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * The two directions of a connected TCP stream. Each one ends when its source side sends a FIN
 * or stays silent past its timeout: haproxy shuts that side for reading (shutr) and forwards
 * the end to the other side as a FIN (shutw), after which the other side's fin timeout applies.
 * The stream goes on in the other direction until it ends too, so a client timing out ("cD")
 * still gets what its server sends until the server closes (or times out). A reset or a full
 * close of either side ends the stream at once.
 */
final class HalfClose {
    private final TcpStream stream;
    private final Channel client;
    private final Channel server;
    private final long clientFin;
    private final long serverFin;
    /** The side's input ended: its FIN was read, or its read timeout struck. */
    private boolean clientShut;
    private boolean serverShut;

    private HalfClose(TcpStream stream, Channel client, Channel server, long clientFin, long serverFin) {
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
    static void relay(TcpStream stream, Channel client, Channel server, Proxy fe, Proxy be, EarlyInput early) {
        HalfClose directions = new HalfClose(stream, client, server, fe.timeouts().clientFin(), be.timeouts().serverFin());
        long tunnel = be.timeouts().tunnel();
        FinTimeouts.idle(client, tunnel > 0 ? tunnel : fe.timeouts().client());
        client.pipeline().addLast(new Relay(server, directions));
        FinTimeouts.idle(server, tunnel > 0 ? tunnel : be.timeouts().server());
        server.pipeline().addLast(new Relay(client, directions));
        client.pipeline().addLast(new Expiry(directions));
        server.pipeline().addLast(new Expiry(directions));
        client.pipeline().remove(early);
        early.sendTo(server);
        server.flush();
        if (early.isShut()) {
            directions.inputClosed(client);
        } else {
            client.read();
        }
        server.read();
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
            stream.abort();
        }
    }

    /**
     * A side stayed idle past its timeout: a read timeout ("cD" for the client, "sD" for the
     * server) ends its direction as its FIN would. Once its input ended, only data it does not
     * take (a write timeout) still ends the stream; idleness is then expected.
     */
    void expired(Channel which) {
        TermState.Cause cause = which == client ? TermState.Cause.CLIENT_TIMEOUT : TermState.Cause.SERVER_TIMEOUT;
        if (!shut(which)) {
            stream.endAs(cause, TermState.Phase.DATA);
            inputClosed(which);
        } else if (pendingOutput(which)) {
            stream.endAs(cause, TermState.Phase.DATA);
            stream.abort();
        }
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
