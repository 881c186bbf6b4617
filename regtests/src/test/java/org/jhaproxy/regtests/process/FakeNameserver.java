package org.jhaproxy.regtests.process;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A nameserver for the tests, on a UDP loopback port, built on netty's DNS codec: it answers
 * the A queries for one name with the IPv4 addresses the test sets (and changes), AAAA queries
 * with no record, any other name (or that one while it has no address) with NXDOMAIN.
 */
final class FakeNameserver implements AutoCloseable {
    private final String name;
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel channel;
    private volatile java.util.List<InetAddress> answer;
    private final AtomicInteger queries = new AtomicInteger();

    FakeNameserver(String name, InetAddress... answer) throws InterruptedException {
        this.name = name.endsWith(".") ? name : name + ".";
        this.answer = java.util.List.of(answer);
        this.channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(), new Responder());
                    }
                }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** The addresses answered from now on, in this order; none for NXDOMAIN. */
    void answer(InetAddress... a) {
        this.answer = java.util.List.of(a);
    }

    int queries() {
        return queries.get();
    }

    private final class Responder extends SimpleChannelInboundHandler<DatagramDnsQuery> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
            queries.incrementAndGet();
            DnsQuestion q = query.recordAt(DnsSection.QUESTION);
            java.util.List<InetAddress> all = answer;
            boolean known = q.name().equalsIgnoreCase(name) && !all.isEmpty();
            DatagramDnsResponse rsp = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
            rsp.setRecursionDesired(query.isRecursionDesired()).setRecursionAvailable(true).setAuthoritativeAnswer(true);
            rsp.setCode(known ? DnsResponseCode.NOERROR : DnsResponseCode.NXDOMAIN);
            rsp.addRecord(DnsSection.QUESTION, q);
            if (known && q.type() == DnsRecordType.A) {
                for (InetAddress a : all) {
                    rsp.addRecord(DnsSection.ANSWER, new DefaultDnsRawRecord(q.name(), DnsRecordType.A, 1,
                            Unpooled.wrappedBuffer(a.getAddress())));
                }
            }
            ctx.writeAndFlush(rsp);
        }
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 0, java.util.concurrent.TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
