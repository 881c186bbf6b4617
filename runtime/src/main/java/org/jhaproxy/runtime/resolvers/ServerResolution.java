package org.jhaproxy.runtime.resolvers;

import io.netty.channel.AddressedEnvelope;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.server.Server;

/**
 * The name resolution of one server with "resolvers" (its requester): every "timeout resolve"
 * its name is asked again once the last valid answer is older than "hold valid", for the
 * record type of "resolve-prefer" (AAAA by default) then the other one when that finds
 * nothing. An answer without the server's current IP moves it to the first IP found, in place
 * (srv_update_addr()), and an answer lifts the maintenance of a server that had no IP.
 * Everything runs on the resolvers' event loop; the queries never block it.
 */
final class ServerResolution {
    private final Server server;
    private final Resolvers resolvers;
    private final Events events;
    private final String fqdn;
    private final boolean preferIpv4;
    private boolean busy;
    /** When the last valid answer came (last_valid), in nanoseconds; 0 before any. */
    private long lastValid;

    ServerResolution(Server server, Resolvers resolvers, Events events, String fqdn) {
        this.server = server;
        this.resolvers = resolvers;
        this.events = events;
        this.fqdn = fqdn.endsWith(".") ? fqdn : fqdn + ".";
        this.preferIpv4 = server.config().option("resolve-prefer", "ipv6").equals("ipv4");
    }

    void start() {
        long every = Math.max(1, resolvers.config().timeout("resolve"));
        resolvers.loop().scheduleAtFixedRate(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long holdValid = TimeUnit.MILLISECONDS.toNanos(resolvers.config().hold("valid"));
        if (busy || lastValid != 0 && System.nanoTime() - lastValid < holdValid) {
            return;
        }
        busy = true;
        DnsRecordType first = preferIpv4 ? DnsRecordType.A : DnsRecordType.AAAA;
        DnsRecordType second = preferIpv4 ? DnsRecordType.AAAA : DnsRecordType.A;
        ask(first, 0, 0, () -> ask(second, 0, 0, () -> busy = false));
    }

    /**
     * Asks nameserver {@code ns} for {@code type}; a timeout tries the next nameserver, up to
     * "resolve_retries" queries; {@code nothing} runs when no address of this type was found.
     */
    private void ask(DnsRecordType type, int ns, int attempt, Runnable nothing) {
        List<Resolvers.Nameserver> all = resolvers.nameservers();
        if (all.isEmpty() || attempt >= Math.max(1, resolvers.config().resolveRetries())) {
            nothing.run();
            return;
        }
        Resolvers.Nameserver target = all.get(ns % all.size());
        Future<AddressedEnvelope<DnsResponse, InetSocketAddress>> f =
                resolvers.resolver().query(target.address(), new DefaultDnsQuestion(fqdn, type));
        f.addListener(done -> {
            if (!done.isSuccess()) {
                ask(type, ns + 1, attempt + 1, nothing);
                return;
            }
            AddressedEnvelope<DnsResponse, InetSocketAddress> envelope = f.getNow();
            List<InetAddress> ips;
            DnsResponseCode code;
            try {
                code = envelope.content().code();
                ips = addresses(envelope.content(), type);
            } finally {
                envelope.release();
            }
            if (!code.equals(DnsResponseCode.NOERROR) || ips.isEmpty()) {
                nothing.run();
                return;
            }
            busy = false;
            lastValid = System.nanoTime();
            answered(ips, target);
        });
    }

    /** The A or AAAA records of the answer section, in order. */
    private List<InetAddress> addresses(DnsResponse response, DnsRecordType type) {
        List<InetAddress> ips = new ArrayList<>();
        int want = type == DnsRecordType.A ? 4 : 16;
        for (int i = 0; i < response.count(DnsSection.ANSWER); i++) {
            DnsRecord r = response.recordAt(DnsSection.ANSWER, i);
            if (r.type() == type && r instanceof DnsRawRecord raw && raw.content().readableBytes() == want) {
                byte[] ip = new byte[want];
                raw.content().getBytes(raw.content().readerIndex(), ip);
                try {
                    ips.add(InetAddress.getByAddress(ip));
                } catch (UnknownHostException e) {
                    // cannot happen with 4 or 16 bytes
                }
            }
        }
        return ips;
    }

    /** A valid answer: the current IP stays when it is still there, else the first one is taken. */
    private void answered(List<InetAddress> ips, Resolvers.Nameserver by) {
        InetAddress current = server.ip();
        if (current == null || !ips.contains(current)) {
            InetAddress next = ips.get(0);
            String msg = server.backend().name() + "/" + server.name() + " changed its IP from "
                    + (current == null ? "(none)" : text(current)) + " to " + text(next)
                    + " by " + resolvers.name() + "/" + by.id();
            server.ip(next);
            events.warning(msg + ".");
            events.log(server.backend(), org.jhaproxy.runtime.log.LogLevel.NOTICE, msg + ".");
        }
        org.jhaproxy.runtime.server.AdminChange.resolved(server, events);
    }

    /** inet_ntop()'s text: the shortest IPv6 form. */
    private static String text(InetAddress ip) {
        return org.jhaproxy.runtime.sample.Addresses.text(ip);
    }
}
