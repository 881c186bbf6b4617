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
 * The resolution of one name for the servers asking it through the same "resolvers" (its
 * requesters: a server, the servers of a template): every "timeout resolve" the name is asked
 * again once the last valid answer is older than "hold valid", for the record type of
 * "resolve-prefer" (AAAA by default) then the other one when that finds nothing. Each server,
 * in declaration order, keeps its IP when the answer still has it, else takes the first one
 * (in {@link AnswerOrder}) no other server of its backend uses, in place (srv_update_addr());
 * an answer lifts the maintenance of a server that had no IP. Everything runs on the
 * resolvers' event loop; the queries never block it.
 */
final class Resolution {
    private final List<Server> servers = new ArrayList<>();
    private final Resolvers resolvers;
    private final Events events;
    private final String fqdn;
    private final boolean preferIpv4;
    private boolean busy;
    private java.util.concurrent.ScheduledFuture<?> timer;
    /** When the last valid answer came (last_valid), in nanoseconds: the start before any. */
    private long lastValid = System.nanoTime();
    /** When the name was last resolved validly; 0 to ask at the next "timeout resolve". */
    private long lastResolution;

    /** How a resolution ended (RSLV_STATUS_*), each failure with its "hold" event and its cause. */
    private enum Status {
        VALID("valid", ""), NX("nx", "DNS NX status"), REFUSED("refused", "DNS refused status"),
        TIMEOUT("timeout", "DNS timeout status"), OTHER("other", "unspecified DNS error");

        final String hold;
        final String cause;

        Status(String hold, String cause) {
            this.hold = hold;
            this.cause = cause;
        }
    }

    Resolution(Resolvers resolvers, Events events, String fqdn, boolean preferIpv4) {
        this.resolvers = resolvers;
        this.events = events;
        this.fqdn = fqdn.endsWith(".") ? fqdn : fqdn + ".";
        this.preferIpv4 = preferIpv4;
    }

    void add(Server s) {
        servers.add(s);
    }

    void start() {
        long every = Math.max(1, resolvers.config().timeout("resolve"));
        timer = resolvers.loop().scheduleAtFixedRate(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    /**
     * A server no longer asks this name (_resolv_unlink_resolution(): its SRV record went, or
     * an additional record gives its IP); the last one gone stops the resolution. True then.
     */
    boolean remove(Server s) {
        servers.remove(s);
        if (servers.isEmpty() && timer != null) {
            timer.cancel(false);
            return true;
        }
        return false;
    }

    boolean has(Server s) {
        return servers.contains(s);
    }

    private void tick() {
        long holdValid = TimeUnit.MILLISECONDS.toNanos(resolvers.config().hold("valid"));
        if (busy || lastResolution != 0 && System.nanoTime() - lastResolution < holdValid) {
            return;
        }
        if (servers.isEmpty()) {
            return;
        }
        busy = true;
        DnsRecordType first = preferIpv4 ? DnsRecordType.A : DnsRecordType.AAAA;
        DnsRecordType second = preferIpv4 ? DnsRecordType.AAAA : DnsRecordType.A;
        // the other family is asked when the preferred one has no record
        ask(first, 0, 0, firstStatus -> {
            if (firstStatus != Status.OTHER) {
                failed(firstStatus);
            } else {
                ask(second, 0, 0, this::failed);
            }
        });
    }

    /**
     * Asks nameserver {@code ns} for {@code type}; a timeout tries the next nameserver, up to
     * "resolve_retries" queries; {@code failure} gets the status when no address was found.
     */
    private void ask(DnsRecordType type, int ns, int attempt, java.util.function.Consumer<Status> failure) {
        List<Resolvers.Nameserver> all = resolvers.nameservers();
        if (all.isEmpty() || attempt >= Math.max(1, resolvers.config().resolveRetries())) {
            failure.accept(Status.TIMEOUT);
            return;
        }
        Resolvers.Nameserver target = all.get(ns % all.size());
        Future<AddressedEnvelope<DnsResponse, InetSocketAddress>> f =
                resolvers.query(target, new DefaultDnsQuestion(fqdn, type));
        f.addListener(done -> {
            if (!done.isSuccess()) {
                ask(type, ns + 1, attempt + 1, failure);
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
            if (code.equals(DnsResponseCode.NXDOMAIN)) {
                failure.accept(Status.NX);
            } else if (code.equals(DnsResponseCode.REFUSED)) {
                failure.accept(Status.REFUSED);
            } else if (!code.equals(DnsResponseCode.NOERROR) || ips.isEmpty()) {
                failure.accept(Status.OTHER);
            } else {
                busy = false;
                lastValid = System.nanoTime();
                lastResolution = lastValid;
                answered(ips, target);
            }
        });
    }

    /**
     * No address this time: the server keeps its IP for the "hold" of the status since the last
     * valid answer, then enters resolution maintenance (snr_update_srv_status()).
     */
    private void failed(Status status) {
        busy = false;
        long hold = TimeUnit.MILLISECONDS.toNanos(resolvers.config().hold(status.hold));
        if (System.nanoTime() - lastValid >= hold) {
            List.copyOf(servers).forEach(s -> noIp(s, status.cause));
        }
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

    /**
     * A valid answer, for each server in turn: the first one is told which nameserver answered,
     * the others that they read the answer again ("by DNS cache"), as haproxy reports it.
     */
    private void answered(List<InetAddress> ips, Resolvers.Nameserver ns) {
        List<InetAddress> ordered = AnswerOrder.sorted(ips);
        String by = resolvers.name() + "/" + ns.id();
        for (Server s : List.copyOf(servers)) {
            answered(s, ordered, by);
            by = "DNS cache";
        }
    }

    /**
     * The current IP stays when it is still there; else the best scored record is taken: in a
     * "resolve-net" network (4), used by no other server of the backend (2, a used one being
     * skipped unless "resolve-opts allow-dup-ip"), the first of equal ones; none left is "No IP
     * for server " (resolv_get_ip_from_response()).
     */
    private void answered(Server server, List<InetAddress> ips, String by) {
        InetAddress current = server.ip();
        if (current == null || !ips.contains(current)) {
            boolean shared = server.config().option("resolve-opts", "").contains("allow-dup-ip");
            PreferredNetworks nets = PreferredNetworks.of(server.config().option("resolve-net", ""));
            InetAddress next = null;
            int best = -1;
            for (InetAddress ip : ips) {
                boolean used = usedByAnother(server, ip);
                if (used && !shared) {
                    continue;
                }
                int score = (nets.contains(ip) ? 4 : 0) + (used ? 0 : 2);
                if (score > best) {
                    best = score;
                    next = ip;
                }
            }
            if (next == null) {
                noIp(server, "No IP for server ");
                return;
            }
            String msg = server.backend().name() + "/" + server.name() + " changed its IP from "
                    + (current == null ? "(none)" : text(current)) + " to " + text(next)
                    + " by " + by;
            server.ip(next);
            events.warning(msg + ".");
            events.log(server.backend(), org.jhaproxy.runtime.log.LogLevel.NOTICE, msg + ".");
        }
        org.jhaproxy.runtime.server.AdminChange.resolved(server, events);
    }

    private boolean usedByAnother(Server server, InetAddress ip) {
        for (Server other : servers) {
            if (other != server && other.backend() == server.backend() && ip.equals(other.ip())) {
                return true;
            }
        }
        return false;
    }

    /** Entering resolution maintenance forgets the address: the next answer changes it from "(none)". */
    private void noIp(Server server, String cause) {
        if (org.jhaproxy.runtime.server.AdminChange.unresolved(server, cause, events)) {
            server.ip(null);
        }
    }

    /** inet_ntop()'s text: the shortest IPv6 form. */
    private static String text(InetAddress ip) {
        return org.jhaproxy.runtime.sample.Addresses.text(ip);
    }
}
