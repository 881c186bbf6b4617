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
 * with no record, any other name (or that one while it has no address) with NXDOMAIN. It may
 * also answer SRV queries for one name ({@link #srv}), each record with its target's A record
 * in the additional section when the test gives one, and A queries for other hosts ({@link #host}).
 */
final class FakeNameserver implements AutoCloseable {
    private final String name;
    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final Channel channel;
    private volatile java.util.List<InetAddress> answer;
    private final AtomicInteger queries = new AtomicInteger();
    private volatile String srvName = "";
    private volatile java.util.List<Srv> srvRecords = java.util.List.of();
    private final java.util.Map<String, java.util.List<InetAddress>> hosts = new java.util.concurrent.ConcurrentHashMap<>();

    /** An SRV record: its target's address in the additional section when {@code additional} is not null. */
    record Srv(int priority, int weight, int port, String target, InetAddress additional) {
    }

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

    /** The SRV records answered for {@code name} from now on, in this order; none for NXDOMAIN. */
    void srv(String name, Srv... records) {
        this.srvRecords = java.util.List.of(records);
        this.srvName = name.endsWith(".") ? name : name + ".";
    }

    /** The A records answered for another host name from now on; none for NXDOMAIN. */
    void host(String host, InetAddress... a) {
        hosts.put((host.endsWith(".") ? host : host + ".").toLowerCase(java.util.Locale.ROOT), java.util.List.of(a));
    }

    int queries() {
        return queries.get();
    }

    private final class Responder extends SimpleChannelInboundHandler<DatagramDnsQuery> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
            queries.incrementAndGet();
            DnsQuestion q = query.recordAt(DnsSection.QUESTION);
            java.util.List<InetAddress> all = q.name().equalsIgnoreCase(name) ? answer
                    : hosts.getOrDefault(q.name().toLowerCase(java.util.Locale.ROOT), java.util.List.of());
            java.util.List<Srv> srvs = q.name().equalsIgnoreCase(srvName) ? srvRecords : java.util.List.of();
            boolean known = !all.isEmpty() || !srvs.isEmpty();
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
            if (q.type() == DnsRecordType.SRV) {
                for (Srv r : srvs) {
                    io.netty.buffer.ByteBuf data = Unpooled.buffer();
                    data.writeShort(r.priority()).writeShort(r.weight()).writeShort(r.port());
                    for (String label : r.target().split("\\.")) {
                        data.writeByte(label.length()).writeCharSequence(label, java.nio.charset.StandardCharsets.US_ASCII);
                    }
                    data.writeByte(0);
                    rsp.addRecord(DnsSection.ANSWER, new DefaultDnsRawRecord(q.name(), DnsRecordType.SRV, 1, data));
                }
                for (Srv r : srvs) {
                    if (r.additional() != null) {
                        rsp.addRecord(DnsSection.ADDITIONAL, new DefaultDnsRawRecord(r.target() + ".", DnsRecordType.A, 1,
                                Unpooled.wrappedBuffer(r.additional().getAddress())));
                    }
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
