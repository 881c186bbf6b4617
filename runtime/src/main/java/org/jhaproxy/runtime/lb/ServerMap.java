package org.jhaproxy.runtime.lb;

import java.util.List;
import org.jhaproxy.runtime.server.Server;

/**
 * haproxy's server map (lb_map.c), built once: the used servers spread over as many slots as
 * their weights add up to (weights divided by their greatest common divisor), interleaved so
 * that each server's slots are evenly spaced and the first declared comes first on ties.
 * "static-rr" walks it in turn; map-based hashing takes slot hash % size.
 */
final class ServerMap {
    private final List<Server> all;
    private final Server[] slots;
    private int rrIndex;

    ServerMap(List<Server> all, ServerGroups groups) {
        this.all = all;
        int gcd = gcd(all);
        List<Server> used = groups.used();
        // the map is filled from every usable server of the used kind (active, else backup)
        boolean backupKind = groups.active().isEmpty();
        List<Server> candidates = backupKind ? groups.backup() : groups.active();
        int total = 0;
        for (Server s : used) {
            total += eweight(s, gcd);
        }
        slots = new Server[total];
        long[] score = new long[candidates.size()];
        for (int o = 0; o < total; o++) {
            int best = -1;
            long max = 0;
            for (int i = 0; i < candidates.size(); i++) {
                if (total == 1) {
                    best = i;
                    break;
                }
                score[i] += eweight(candidates.get(i), gcd);
                long v = (score[i] + total) / total;
                if (best < 0 || v > max) {
                    max = v;
                    best = i;
                }
            }
            slots[o] = candidates.get(best);
            score[best] -= total;
        }
    }

    /** The map over the servers usable now, its walk going on from the same index (lbprm.map.rr_idx). */
    ServerMap rebuilt(ServerGroups groups) {
        ServerMap m = new ServerMap(all, groups);
        m.rrIndex = rrIndex;
        return m;
    }

    /** Every declared server's weight counts, even a disabled or backup one's. */
    private static int gcd(List<Server> all) {
        int g = 0;
        for (Server s : all) {
            int w = s.weight();
            if (w == 0) {
                continue;
            }
            if (g == 0) {
                g = w;
                continue;
            }
            while (w != 0) {
                int t = g % w;
                g = w;
                w = t;
            }
        }
        return g == 0 ? 1 : g;
    }

    private static int eweight(Server s, int gcd) {
        return (s.weight() + gcd - 1) / gcd;
    }

    int size() {
        return slots.length;
    }

    /** map_get_server_hash(). */
    Server byHash(long hash) {
        return slots.length == 0 ? null : slots[(int) (hash % slots.length)];
    }

    /** map_get_server_rr(): the next slot whose server is not full, {@code avoid} only as a last resort. */
    Server next(Server avoid) {
        if (slots.length == 0) {
            return null;
        }
        if (rrIndex < 0 || rrIndex >= slots.length) {
            rrIndex = 0;
        }
        int idx = rrIndex;
        Server avoided = null;
        int avoidedIdx = 0;
        do {
            Server s = slots[idx++];
            if (!Saturation.full(s)) {
                avoided = s;
                avoidedIdx = idx;
                if (s != avoid) {
                    rrIndex = idx;
                    return s;
                }
            }
            if (idx == slots.length) {
                idx = 0;
            }
        } while (idx != rrIndex);
        if (avoided != null) {
            rrIndex = avoidedIdx;
        }
        return avoided;
    }
}
