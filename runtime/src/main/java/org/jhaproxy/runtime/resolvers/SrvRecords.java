package org.jhaproxy.runtime.resolvers;

import io.netty.handler.codec.dns.DnsRawRecord;
import io.netty.handler.codec.dns.DnsRecord;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SRV records of one name as haproxy keeps them between answers (its answer tree): in the
 * order of their key, records of equal keys in the order they came; each answer refreshes the
 * records it repeats and adds the new ones, then attaches each additional A/AAAA record to the
 * first record targeting its name that has none (resolv_validate_dns_response()).
 */
final class SrvRecords {
    private final List<SrvItem> items = new ArrayList<>();
    private long answers;

    List<SrvItem> items() {
        return items;
    }

    void remove(SrvItem item) {
        items.remove(item);
    }

    void clear() {
        items.clear();
    }

    /** Merges a NOERROR answer; false when it holds no SRV record (an error for haproxy). */
    boolean merge(DnsResponse response, long now) {
        long answer = ++answers;
        int found = 0;
        for (int i = 0; i < response.count(DnsSection.ANSWER); i++) {
            DnsRecord r = response.recordAt(DnsSection.ANSWER, i);
            if (r.type() != DnsRecordType.SRV || !(r instanceof DnsRawRecord raw) || raw.content().readableBytes() <= 6) {
                continue;
            }
            ByteBuf c = raw.content();
            int at = c.readerIndex();
            byte[] target = DnsNames.read(c, at + 6);
            if (target == null) {
                continue;
            }
            found++;
            int weight = c.getUnsignedShort(at + 2);
            int port = c.getUnsignedShort(at + 4);
            SrvItem known = find(target, port);
            if (known != null) {
                known.weight = weight;
                known.lastSeen = now;
            } else {
                insert(new SrvItem(target, port, weight, now));
            }
        }
        for (int i = 0; i < response.count(DnsSection.ADDITIONAL); i++) {
            additional(response.recordAt(DnsSection.ADDITIONAL, i), now, answer);
        }
        return found > 0;
    }

    private SrvItem find(byte[] target, int port) {
        for (SrvItem it : items) {
            if (it.same(target, port)) {
                return it;
            }
        }
        return null;
    }

    /** After the records of the same key already there, as an ebtree keeps duplicates. */
    private void insert(SrvItem item) {
        int i = 0;
        while (i < items.size() && Integer.compareUnsigned(items.get(i).key, item.key) <= 0) {
            i++;
        }
        items.add(i, item);
    }

    /**
     * An A or AAAA record of the additional section: it refreshes the same address kept for its
     * name (once per answer), else it goes to the first record of that target without one.
     */
    private void additional(DnsRecord r, long now, long answer) {
        int len = r.type() == DnsRecordType.A ? 4 : r.type() == DnsRecordType.AAAA ? 16 : 0;
        if (len == 0 || !(r instanceof DnsRawRecord raw) || raw.content().readableBytes() != len) {
            return;
        }
        byte[] b = new byte[len];
        raw.content().getBytes(raw.content().readerIndex(), b);
        InetAddress ip;
        try {
            ip = InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            return;
        }
        byte[] name = DnsNames.labels(r.name());
        for (SrvItem it : items) {
            SrvItem.Additional ar = it.additional;
            if (ar != null && ar.seenIn != answer && it.targets(name) && ar.ip.equals(ip)) {
                ar.lastSeen = now;
                ar.seenIn = answer;
                return;
            }
        }
        for (SrvItem it : items) {
            if (it.additional == null && it.targets(name)) {
                it.additional = new SrvItem.Additional(ip, now, answer);
                return;
            }
        }
    }
}
