package org.jhaproxy.runtime.resolvers;

import io.netty.channel.AddressedEnvelope;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.runtime.log.Events;
import org.jhaproxy.runtime.log.LogLevel;
import org.jhaproxy.runtime.server.Server;
import org.jhaproxy.runtime.server.SrvRecordUpdate;

/**
 * The DNS SRV query of a "server-template prefix N _service._proto.name resolvers r" (haproxy's
 * srvrq, configuration.txt 5.3): every "timeout resolve" once "hold valid" has passed, the name's
 * SRV records are asked; each record, in {@link SrvRecords} order, fills a server of the template,
 * the one it already filled or else the first free one: its target names the server, its port and
 * weight ((w + 255) / 256) are the server's, and its IP comes from the additional record for the
 * target ("by DNS additional record") or else from a resolution of the target name. A record no
 * answer repeated for "hold obsolete" frees its server ("entry removed from SRV record"), which
 * then waits, last in line, in maintenance. Everything runs on the resolvers' event loop.
 */
final class SrvResolution {
    private final Resolvers resolvers;
    private final Events events;
    private final String name;
    private final SrvRecords records = new SrvRecords();
    /** The servers filled by no record, in the order they take the next ones (attached_servers). */
    private final List<Server> free = new ArrayList<>();
    /** The target each server resolves, while no additional record gives its IP. */
    private final Map<Server, String> resolving = new HashMap<>();
    private boolean busy;
    private long lastValid = System.nanoTime();
    private long lastResolution;

    SrvResolution(Resolvers resolvers, Events events, String name) {
        this.resolvers = resolvers;
        this.events = events;
        this.name = name.endsWith(".") ? name : name + ".";
    }

    void add(Server s) {
        free.add(s);
    }

    void start() {
        long every = Math.max(1, resolvers.config().timeout("resolve"));
        resolvers.loop().scheduleAtFixedRate(this::tick, 0, every, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long holdValid = TimeUnit.MILLISECONDS.toNanos(resolvers.config().hold("valid"));
        if (busy || lastResolution != 0 && System.nanoTime() - lastResolution < holdValid) {
            return;
        }
        busy = true;
        ask(0, 0);
    }

    /** Asks nameserver {@code ns}; no answer tries the next one, up to "resolve_retries" queries. */
    private void ask(int ns, int attempt) {
        List<Resolvers.Nameserver> all = resolvers.nameservers();
        if (all.isEmpty() || attempt >= Math.max(1, resolvers.config().resolveRetries())) {
            failed("timeout");
            return;
        }
        Future<AddressedEnvelope<DnsResponse, InetSocketAddress>> f = resolvers
                .query(all.get(ns % all.size()), new DefaultDnsQuestion(name, DnsRecordType.SRV));
        f.addListener(done -> {
            if (!done.isSuccess()) {
                ask(ns + 1, attempt + 1);
                return;
            }
            AddressedEnvelope<DnsResponse, InetSocketAddress> envelope = f.getNow();
            try {
                DnsResponseCode code = envelope.content().code();
                if (code.equals(DnsResponseCode.NXDOMAIN)) {
                    failed("nx");
                } else if (code.equals(DnsResponseCode.REFUSED)) {
                    failed("refused");
                } else if (!code.equals(DnsResponseCode.NOERROR) || !records.merge(envelope.content(), System.nanoTime())) {
                    failed("other");
                } else {
                    busy = false;
                    lastValid = System.nanoTime();
                    lastResolution = lastValid;
                    check();
                }
            } finally {
                envelope.release();
            }
        });
    }

    /**
     * srvrq_resolution_error_cb(): once the failure lasted longer than its "hold" since the last
     * valid answer, every server leaves its record and the records are forgotten.
     */
    private void failed(String hold) {
        busy = false;
        if (System.nanoTime() - lastValid < TimeUnit.MILLISECONDS.toNanos(resolvers.config().hold(hold))) {
            return;
        }
        for (SrvItem it : records.items()) {
            if (it.server != null) {
                cleanup(it);
            }
        }
        records.clear();
    }

    /** resolv_check_response(): drops the obsolete records, then gives each record its server. */
    private void check() {
        long now = System.nanoTime();
        long obsolete = TimeUnit.MILLISECONDS.toNanos(resolvers.config().hold("obsolete"));
        for (SrvItem it : List.copyOf(records.items())) {
            if (it.additional != null && now - it.additional.lastSeen > obsolete) {
                it.additional = null;
            }
            if (now - it.lastSeen > obsolete) {
                if (it.server != null) {
                    cleanup(it);
                }
                records.remove(it);
                continue;
            }
            Server s = it.server;
            if (s == null && !free.isEmpty()) {
                s = free.remove(0);
            }
            if (s != null) {
                fill(s, it);
            }
        }
    }

    /** The record fills the server (the srv_found part of resolv_check_response()). */
    private void fill(Server s, SrvItem it) {
        boolean viaAdditional = it.additional != null;
        if (viaAdditional) {
            if (!it.additional.ip.equals(s.ip())) {
                String msg = s.backend().name() + "/" + s.name() + " changed its IP from "
                        + (s.ip() == null ? "(none)" : org.jhaproxy.runtime.sample.Addresses.text(s.ip())) + " to "
                        + org.jhaproxy.runtime.sample.Addresses.text(it.additional.ip) + " by DNS additional record.";
                s.ip(it.additional.ip);
                events.warning(msg);
                events.log(s.backend(), LogLevel.NOTICE, msg);
            }
            unlink(s);
        }
        SrvRecordUpdate.fqdn(s, it.host, events);
        it.server = s;
        if (!viaAdditional && !resolving.containsKey(s)) {
            resolving.put(s, it.host);
            resolvers.link(s, it.host, preferIpv4(s), events);
        }
        SrvRecordUpdate.status(s, s.ip() != null, events);
        SrvRecordUpdate.port(s, it.port);
        SrvRecordUpdate.weight(s, it.weight, events);
    }

    /** resolv_srvrq_cleanup_srv(): the server leaves its record, last of the free servers. */
    private void cleanup(SrvItem it) {
        Server s = it.server;
        it.server = null;
        unlink(s);
        SrvRecordUpdate.cleanup(s, events);
        free.add(s);
    }

    private void unlink(Server s) {
        String target = resolving.remove(s);
        if (target != null) {
            resolvers.unlink(s, target, preferIpv4(s));
        }
    }

    private static boolean preferIpv4(Server s) {
        return s.config().option("resolve-prefer", "ipv6").equals("ipv4");
    }
}
