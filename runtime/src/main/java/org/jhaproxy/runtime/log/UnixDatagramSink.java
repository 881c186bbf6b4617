package org.jhaproxy.runtime.log;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDomainDatagramChannel;
import io.netty.channel.unix.DomainDatagramPacket;
import io.netty.channel.unix.DomainSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local syslog socket such as /dev/log (a UNIX datagram socket): Java has no such channel,
 * Netty's epoll transport does. Writes are queued to the channel's event loop, never blocking.
 */
final class UnixDatagramSink implements LogSink {
    private final Channel channel;
    private final DomainSocketAddress target;
    private final AtomicLong dropped;

    UnixDatagramSink(EventLoop loop, String path, AtomicLong dropped) {
        this.target = new DomainSocketAddress(path);
        this.dropped = dropped;
        this.channel = new EpollDomainDatagramChannel();
        // never bound nor connected, as haproxy's log socket: without this, Netty holds an
        // unbound datagram channel inactive and fails every write
        channel.config().setOption(ChannelOption.DATAGRAM_CHANNEL_ACTIVE_ON_REGISTRATION, true);
        loop.register(channel).syncUninterruptibly();
    }

    /**
     * A line the socket cannot take now (its queue and the channel's buffer full, haproxy's
     * EAGAIN) is a dropped log; one the socket refuses (no such socket, nobody bound to it) is
     * lost without being counted, as haproxy counts only EAGAIN in "show info" DroppedLogs.
     */
    @Override
    public void send(byte[] line) {
        if (!channel.isWritable()) {
            dropped.incrementAndGet();
            return;
        }
        channel.writeAndFlush(new DomainDatagramPacket(Unpooled.wrappedBuffer(line), target));
    }

    @Override
    public void close() {
        channel.close();
    }
}
