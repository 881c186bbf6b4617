package org.jhaproxy.runtime.log;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;

/** A syslog server over UDP: one non-blocking datagram per line, dropped when the socket buffer is full. */
final class UdpSink implements LogSink {
    private final DatagramChannel channel;
    private final InetSocketAddress target;
    private final AtomicLong dropped;

    UdpSink(InetSocketAddress target, AtomicLong dropped) throws IOException {
        this.target = target;
        this.dropped = dropped;
        this.channel = DatagramChannel.open();
        channel.configureBlocking(false);
    }

    @Override
    public void send(byte[] line) {
        try {
            if (channel.send(ByteBuffer.wrap(line), target) == 0) {
                dropped.incrementAndGet();
            }
        } catch (IOException e) {
            // an unreachable syslog server must not stop the traffic: the line is lost, not
            // counted as dropped, haproxy's DroppedLogs counting only a full socket (EAGAIN)
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing at exit
        }
    }
}
