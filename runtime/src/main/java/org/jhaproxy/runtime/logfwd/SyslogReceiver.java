package org.jhaproxy.runtime.logfwd;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jhaproxy.runtime.log.LogServer;
import org.jhaproxy.runtime.log.Syslog;
import org.jhaproxy.runtime.log.SyslogMessage;

/**
 * The end of a log-forward pipeline: each message received (a datagram, or a frame of a stream)
 * is parsed and sent to the section's targets (syslog_fd_handler() / syslog_io_handler()).
 */
@ChannelHandler.Sharable
final class SyslogReceiver extends SimpleChannelInboundHandler<Object> {
    private final Syslog syslog;
    private final List<LogServer> targets;
    private final java.util.concurrent.atomic.AtomicLong received;

    SyslogReceiver(Syslog syslog, List<LogServer> targets, java.util.concurrent.atomic.AtomicLong received) {
        this.syslog = syslog;
        this.targets = targets;
        this.received = received;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
        String text;
        if (msg instanceof DatagramPacket p) {
            ByteBuf b = p.content();
            text = b.toString(StandardCharsets.ISO_8859_1);
        } else {
            text = (String) msg;
        }
        received.incrementAndGet();
        syslog.forward(targets, SyslogMessage.parse(text));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // a datagram socket keeps receiving; a stream that failed is closed
        if (!(ctx.channel() instanceof io.netty.channel.socket.DatagramChannel)) {
            ctx.close();
        }
    }
}
