package org.jhaproxy.runtime.logfwd;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.timeout.ReadTimeoutHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.config.addr.AddressFamily;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.model.LogForwardConfig;
import org.jhaproxy.runtime.Transport;
import org.jhaproxy.runtime.log.LogServer;
import org.jhaproxy.runtime.log.Syslog;

/**
 * The "log-forward" sections (configuration.txt 3.10): syslog relays receiving on "dgram-bind"
 * (UDP, one message a datagram) and "bind" (TCP, RFC 6587 framing) addresses and sending each
 * message to the section's "log" targets in their formats. A stream connection idle for
 * "timeout client" is closed; past "maxconn" connections, no more are accepted until one ends.
 */
public final class LogForwards implements AutoCloseable {
    /** The log-forward keywords the runtime executes (RuntimeSupport's entry format). */
    public static final Set<String> EXECUTED = Set.of("log-forward log-forward", "log-forward bind",
            "log-forward dgram-bind", "log-forward log", "log-forward maxconn", "log-forward backlog",
            "log-forward timeout client");

    private final List<Channel> channels = new ArrayList<>();
    /** cum_log_messages: every message a receiver of any section took, before it is parsed ("show info" CumRecvLogs). */
    private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();

    private LogForwards() {
    }

    /** The bound receivers ("bind" and "dgram-bind" addresses): listeners, as "show info" counts them. */
    public int listeners() {
        return channels.size();
    }

    /** The messages received by every section since the start. */
    public long received() {
        return received.get();
    }

    /**
     * Binds every receiver; a receiver that cannot bind throws with haproxy's alert text
     * ("Binding [file:line] for log forward section 'lf': cannot bind ...").
     */
    public static LogForwards start(Config config, Syslog syslog, Transport transport, int bufSize) throws IOException {
        LogForwards all = new LogForwards();
        try {
            for (LogForwardConfig lf : config.logForwards()) {
                List<LogServer> targets = syslog.open(lf.logTargets());
                SyslogReceiver receiver = new SyslogReceiver(syslog, targets, all.received);
                ConnectionLimit limit = new ConnectionLimit(lf.maxconn());
                for (LogForwardConfig.Receiver r : lf.receivers()) {
                    InetSocketAddress addr = address(r);
                    ChannelFuture f = r.datagram() ? datagram(transport, addr, receiver, bufSize)
                            : stream(transport, addr, lf, receiver, limit, bufSize);
                    f.awaitUninterruptibly();
                    if (!f.isSuccess()) {
                        throw new IOException(String.format("Binding [%s:%d] for log forward section '%s': cannot bind socket (%s) [%s]",
                                r.at().file(), r.at().line(), lf.name(), f.cause().getMessage(), r.text()));
                    }
                    all.channels.add(f.channel());
                    limit.listener(f.channel());
                }
            }
            return all;
        } catch (IOException | RuntimeException e) {
            all.close();
            throw e;
        }
    }

    private static ChannelFuture datagram(Transport transport, InetSocketAddress addr, SyslogReceiver receiver, int bufSize) {
        return new Bootstrap().group(transport.group().next())
                .channel(transport.isEpoll() ? EpollDatagramChannel.class : NioDatagramChannel.class)
                // a datagram is read whole into one buffer, as recvfrom() into haproxy's trash chunk
                .option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(bufSize))
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(receiver)
                .bind(addr);
    }

    private static ChannelFuture stream(Transport transport, InetSocketAddress addr, LogForwardConfig lf,
                                        SyslogReceiver receiver, ConnectionLimit limit, int bufSize) {
        ServerBootstrap b = new ServerBootstrap().group(transport.group())
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        limit.opened(ch);
                        if (lf.timeoutClient() > 0) {
                            ch.pipeline().addLast(new ReadTimeoutHandler(lf.timeoutClient(), TimeUnit.MILLISECONDS));
                        }
                        ch.pipeline().addLast(new SyslogFrameDecoder(bufSize), receiver);
                    }
                });
        if (lf.backlog() > 0) {
            b.option(ChannelOption.SO_BACKLOG, (int) Math.min(Integer.MAX_VALUE, lf.backlog()));
        }
        return b.bind(addr);
    }

    private static InetSocketAddress address(LogForwardConfig.Receiver r) {
        var a = r.address();
        String host = a.host() == null || a.host().isEmpty() || a.host().equals("*")
                ? (a.family() == AddressFamily.INET6 ? "::" : "0.0.0.0") : a.host();
        return new InetSocketAddress(host, a.port());
    }

    /** Why a receiver cannot run, or null: only IPv4/IPv6 addresses of one port and the "name" option are executed. */
    public static String refusal(LogForwardConfig.Receiver r) {
        var a = r.address();
        if (a == null || (a.family() != AddressFamily.INET && a.family() != AddressFamily.INET6) || a.isRange()) {
            return "'" + (r.datagram() ? "dgram-bind" : "bind") + " " + r.text() + "' in 'log-forward' section is not supported by jhaproxy yet.";
        }
        for (int i = 0; i < r.options().size(); i++) {
            if (!r.options().get(i).equals("name")) {
                return "bind option '" + r.options().get(i) + "' in 'log-forward' section is not supported by jhaproxy yet.";
            }
            i++;
        }
        return null;
    }

    @Override
    public void close() {
        for (Channel c : channels) {
            c.close().awaitUninterruptibly();
        }
        channels.clear();
    }
}
