package org.jhaproxy.runtime.cli;

import io.netty.buffer.PoolArenaMetric;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocatorMetric;
import java.util.List;

/**
 * "show pools" (management.txt 9.3) in haproxy's shape: a header, one "  - Pool" line per pool,
 * a "Total:" line. jhaproxy's memory pools are Netty's buffer arenas, direct then heap, each
 * shown as a pool of its chunk size: chunks allocated, bytes in use, the thread caches using it.
 */
final class ShowPools implements CliCommand {
    @Override
    public List<String> keywords() {
        return List.of("show", "pools");
    }

    @Override
    public String run(CliRequest r) {
        PooledByteBufAllocatorMetric m = PooledByteBufAllocator.DEFAULT.metric();
        StringBuilder out = new StringBuilder("Dumping pools usage. Use SIGQUIT to flush them.\n");
        long chunk = m.chunkSize();
        long allocated = 0;
        long used = 0;
        long cached = 0;
        int pools = 0;
        for (String kind : List.of("direct", "heap")) {
            List<PoolArenaMetric> arenas = kind.equals("direct") ? m.directArenas() : m.heapArenas();
            for (int i = 0; i < arenas.size(); i++) {
                PoolArenaMetric a = arenas.get(i);
                long chunks = a.chunkLists().stream().mapToLong(l -> {
                    long n = 0;
                    for (var ignored : l) {
                        n++;
                    }
                    return n;
                }).sum();
                long bytes = chunks * chunk;
                long active = Math.max(0, a.numActiveAllocations());
                // haproxy prints the first 11 characters of a pool's name
                String name = (kind + "_" + i);
                out.append("  - Pool ").append(name.length() > 11 ? name.substring(0, 11) : name)
                        .append(" (").append(chunk).append(" bytes) : ").append(chunks).append(" allocated (")
                        .append(bytes).append(" bytes), ").append(active).append(" used (~")
                        .append(a.numThreadCaches()).append(" by thread caches), needed_avg ").append(active)
                        .append(", 0 failures, ").append(a.numThreadCaches()).append(" users, @0x")
                        .append(Integer.toHexString(System.identityHashCode(a))).append(" [SHARED]\n");
                allocated += bytes;
                used += bytes;
                cached += a.numThreadCaches();
                pools++;
            }
        }
        out.append("Total: ").append(pools).append(" pools, ").append(allocated).append(" bytes allocated, ")
                .append(used).append(" used (~").append(cached).append(" by thread caches).\n");
        return out.toString();
    }
}
