package org.jhaproxy.runtime.resolvers;

import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.resolver.dns.DnsNameResolver;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.resolver.dns.NoopDnsCache;
import io.netty.resolver.dns.SingletonDnsServerAddressStreamProvider;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jhaproxy.config.model.ResolversConfig;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.server.Server;

/**
 * A running "resolvers" section (configuration.txt 5.3.2): its nameservers, queried over UDP
 * with netty's DNS codec from one event loop, never blocking it. Its own caching is off: how
 * long an answer holds is the section's "hold" business, as in haproxy.
 */
public final class Resolvers {
    /** One nameserver: the id the "changed its IP ... by resolvers/id" message names, and where it listens. */
    public record Nameserver(String id, InetSocketAddress address) {
    }

    private final ResolversConfig config;
    private final List<Nameserver> nameservers;
    private final EventLoop loop;
    private final DnsNameResolver resolver;
    /** The resolutions of the targets of SRV records, by name and preferred family, shared by their servers. */
    private final java.util.Map<String, Resolution> targets = new java.util.HashMap<>();

    Resolvers(ResolversConfig config, EventLoop loop, boolean epoll) {
        this.config = config;
        this.loop = loop;
        this.nameservers = nameservers(config);
        InetSocketAddress first = nameservers.stream().map(Nameserver::address).filter(a -> !a.isUnresolved()).findFirst()
                .orElse(new InetSocketAddress("127.0.0.1", 53));
        this.resolver = new DnsNameResolverBuilder(loop)
                .channelType(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .queryTimeoutMillis(config.timeout("retry"))
                .maxPayloadSize(config.acceptedPayloadSize())
                .resolveCache(NoopDnsCache.INSTANCE)
                .nameServerProvider(new SingletonDnsServerAddressStreamProvider(first))
                .build();
    }

    public String name() {
        return config.name();
    }

    public ResolversConfig config() {
        return config;
    }

    public List<Nameserver> nameservers() {
        return nameservers;
    }

    EventLoop loop() {
        return loop;
    }

    DnsNameResolver resolver() {
        return resolver;
    }

    /**
     * Sends {@code question} to {@code ns}. A nameserver whose address names no host (an
     * unexpanded "${VAR}" the resolver of the system cannot resolve) never answers: its
     * queries fail as timed out, and the process keeps running, as haproxy's do.
     */
    io.netty.util.concurrent.Future<io.netty.channel.AddressedEnvelope<io.netty.handler.codec.dns.DnsResponse, InetSocketAddress>>
            query(Nameserver ns, io.netty.handler.codec.dns.DnsQuestion question) {
        if (ns.address().isUnresolved()) {
            io.netty.util.ReferenceCountUtil.release(question);
            return loop.newFailedFuture(new java.net.UnknownHostException(ns.address().getHostString()));
        }
        return resolver.query(ns.address(), question);
    }

    /**
     * resolv_link_resolution() for a server filled by an SRV record: it resolves its target,
     * with the other servers asking the same name when there are some, else in a new resolution
     * asking at once. On the resolvers' loop.
     */
    void link(Server s, String fqdn, boolean preferIpv4, Events events) {
        String key = fqdn.toLowerCase(java.util.Locale.ROOT) + " " + preferIpv4;
        Resolution r = targets.get(key);
        if (r == null) {
            r = new Resolution(this, events, fqdn, preferIpv4);
            targets.put(key, r);
            r.add(s);
            r.start();
        } else if (!r.has(s)) {
            r.add(s);
        }
    }

    /** The server no longer resolves {@code fqdn}; the last one gone ends the resolution. */
    void unlink(Server s, String fqdn, boolean preferIpv4) {
        String key = fqdn.toLowerCase(java.util.Locale.ROOT) + " " + preferIpv4;
        Resolution r = targets.get(key);
        if (r != null && r.remove(s)) {
            targets.remove(key);
        }
    }

    void close() {
        resolver.close();
    }

    /** The "nameserver" lines, then with "parse-resolv-conf" those of /etc/resolv.conf, named by their address. */
    private static List<Nameserver> nameservers(ResolversConfig config) {
        List<Nameserver> all = new ArrayList<>();
        for (ResolversConfig.Nameserver ns : config.nameservers()) {
            all.add(new Nameserver(ns.id(), socketAddress(ns.address())));
        }
        if (config.parseResolvConf()) {
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/etc/resolv.conf"))) {
                    String[] w = line.trim().split("\\s+");
                    if (w.length >= 2 && w[0].equals("nameserver")
                            && all.stream().noneMatch(n -> n.id().equals(w[1]))) {
                        all.add(new Nameserver(w[1], new InetSocketAddress(w[1], 53)));
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // the parser already reported an unreadable /etc/resolv.conf as haproxy does
            }
        }
        return List.copyOf(all);
    }

    /** "[udp@]ip[:port]", the port 53 when absent (the parser validated the text). */
    static InetSocketAddress socketAddress(String text) {
        String a = text.startsWith("udp@") ? text.substring(4) : text;
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            String host = a.substring(1, end);
            int port = end + 1 < a.length() && a.charAt(end + 1) == ':' ? Integer.parseInt(a.substring(end + 2)) : 53;
            return new InetSocketAddress(host, port);
        }
        int colon = a.lastIndexOf(':');
        if (colon > 0 && a.indexOf(':') == colon) {
            return new InetSocketAddress(a.substring(0, colon), Integer.parseInt(a.substring(colon + 1)));
        }
        return new InetSocketAddress(a, 53);
    }
}
