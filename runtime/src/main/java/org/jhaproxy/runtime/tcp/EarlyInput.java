package org.jhaproxy.runtime.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import org.jhaproxy.runtime.payload.RequestBuffer;

/**
 * The client of a TCP stream before its server connection is up: haproxy reads what it sends
 * while the rules inspect it and while it connects, keeps it in the request buffer (where the
 * payload fetches read it) and sends it first once connected, followed by the client's FIN if
 * one came (Netty reads a half-closing client even while reads are off, to see its end).
 */
final class EarlyInput extends ChannelInboundHandlerAdapter {
    private final TcpStream stream;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private final RequestBuffer buffer;
    private boolean shut;

    EarlyInput(TcpStream stream, int recvLimit) {
        this.stream = stream;
        this.buffer = new RequestBuffer(recvLimit);
    }

    /** The buffer the payload fetches read. */
    RequestBuffer buffer() {
        return buffer;
    }

    /** Whether the client's FIN came. */
    boolean isShut() {
        return shut;
    }

    @Override
    public void channelRead(ChannelHandlerContext c, Object msg) {
        if (!stream.waitsForServer()) {
            ReferenceCountUtil.release(msg);
            return;
        }
        held.add(msg);
        if (msg instanceof ByteBuf b) {
            buffer.append(b);
        }
        stream.received();
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext c) {
        // the rules wait for more: the buffer keeps filling until they decide
        if (stream.inspecting()) {
            c.read();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext c, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            shut = true;
            stream.clientShut();
            return;
        }
        c.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext c) {
        stream.clientLeft();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
        stream.clientLeft();
    }

    /** Writes what was held to the now connected server (flushed by the caller): how many bytes. */
    long sendTo(Channel server) {
        long bytes = 0;
        Object m;
        while ((m = held.poll()) != null) {
            if (m instanceof ByteBuf b) {
                bytes += b.readableBytes();
            }
            server.write(m, server.voidPromise());
        }
        buffer.clear();
        return bytes;
    }

    /** The stream ended before its server connection: what was held is dropped, how many bytes. */
    long release() {
        long bytes = 0;
        Object m;
        while ((m = held.poll()) != null) {
            if (m instanceof ByteBuf b) {
                bytes += b.readableBytes();
            }
            ReferenceCountUtil.release(m);
        }
        return bytes;
    }
}
