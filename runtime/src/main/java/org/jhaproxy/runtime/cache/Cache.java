package org.jhaproxy.runtime.cache;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jhaproxy.config.model.CacheConfig;

/**
 * One "cache" section at run time (manual chapter 6): its objects by primary key, in memory
 * split in 1 kB blocks. An object being stored or read is "hot"; the others wait in use order
 * and the least recently used are evicted, whatever their expiry, when a new object needs
 * blocks (shctx_row_reserve_hot()).
 *
 * <p>Every event loop shares it: each method holds the cache's lock only for a few map
 * operations, never across I/O, and an entry's bytes are copied in as plain arrays, so no
 * buffer outlives the stream that forwarded it.
 */
public final class Cache {
    private final CacheConfig config;
    private final Map<ByteBuffer, CacheEntry> entries = new HashMap<>();
    /** The complete, idle objects, least recently used first. */
    private final LinkedHashSet<CacheEntry> idle = new LinkedHashSet<>();
    private long usedBlocks;
    private long hotBlocks;

    Cache(CacheConfig config) {
        this.config = config;
    }

    public String name() {
        return config.name();
    }

    CacheConfig config() {
        return config;
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }

    /** entry_exist(): the entry of this hash, unless it expired (then it is dropped). */
    private CacheEntry live(byte[] hash, long now) {
        CacheEntry e = entries.get(ByteBuffer.wrap(hash));
        if (e != null && e.expire <= now) {
            drop(e);
            return null;
        }
        return e;
    }

    /** The complete object of this hash, moved to the most recently used end; null if none. */
    synchronized CacheEntry lookup(byte[] hash) {
        CacheEntry e = live(hash, now());
        if (e == null || !e.complete) {
            return null;
        }
        idle.remove(e);
        idle.add(e);
        return e;
    }

    /** A successful unsafe request (POST, PUT, DELETE...) invalidates the object it targets. */
    synchronized void invalidate(byte[] hash) {
        CacheEntry e = entries.get(ByteBuffer.wrap(hash));
        if (e != null) {
            drop(e);
        }
    }

    /**
     * A new entry for this hash, indexed at once so that concurrent streams do not store it too:
     * null when an entry of that hash is still being stored or no block is free. It replaces a
     * complete one.
     */
    synchronized CacheEntry begin(byte[] hash) {
        long now = now();
        CacheEntry old = live(hash, now);
        if (old != null) {
            if (!old.complete) {
                return null;
            }
            drop(old);
        }
        CacheEntry e = new CacheEntry(hash);
        e.blocks = 0;
        e.len = 0;
        if (!grow(e, CacheEntry.ENTRY_SIZE)) {
            return null;
        }
        // a temporary expiry until the store sets the real one
        e.expire = now + 2;
        entries.put(ByteBuffer.wrap(hash), e);
        return e;
    }

    /**
     * Adds {@code bytes} to a hot entry's row, evicting idle objects for the blocks it needs;
     * false when the object would exceed max-object-size or the cache cannot make room.
     */
    synchronized boolean reserve(CacheEntry e, long bytes) {
        return e.indexed && grow(e, bytes);
    }

    private boolean grow(CacheEntry e, long bytes) {
        long maxObj = config.maxObjectSize();
        if (maxObj > 0 && e.len + bytes > maxObj) {
            return false;
        }
        long needed = Math.max(1, (e.len + bytes + CacheConfig.BLOCK_SIZE - 1) / CacheConfig.BLOCK_SIZE) - e.blocks;
        if (needed > config.maxBlocks() - hotBlocks) {
            return false;
        }
        Iterator<CacheEntry> lru = idle.iterator();
        while (config.maxBlocks() - usedBlocks < needed && lru.hasNext()) {
            CacheEntry victim = lru.next();
            lru.remove();
            entries.remove(ByteBuffer.wrap(victim.hash), victim);
            victim.indexed = false;
            usedBlocks -= victim.blocks;
        }
        if (config.maxBlocks() - usedBlocks < needed) {
            return false;
        }
        usedBlocks += needed;
        hotBlocks += needed;
        e.blocks += needed;
        e.len += bytes;
        return true;
    }

    /** The whole object was stored: it may be served until {@code expire}. */
    synchronized void complete(CacheEntry e, long expire) {
        hotBlocks -= e.blocks;
        if (!e.indexed) {
            usedBlocks -= e.blocks;
            return;
        }
        e.expire = expire;
        e.complete = true;
        idle.add(e);
    }

    /** The store stopped (too big, the stream aborted): its blocks are freed, the entry forgotten. */
    synchronized void abandon(CacheEntry e) {
        hotBlocks -= e.blocks;
        usedBlocks -= e.blocks;
        if (e.indexed) {
            entries.remove(ByteBuffer.wrap(e.hash), e);
            e.indexed = false;
        }
    }

    private void drop(CacheEntry e) {
        entries.remove(ByteBuffer.wrap(e.hash), e);
        e.indexed = false;
        if (e.complete) {
            idle.remove(e);
            usedBlocks -= e.blocks;
        }
    }

    /**
     * "show cache" for this cache (cli_io_handler_show_cache()): a line for the cache, then one
     * per live object in key order; expired objects met on the way are dropped.
     */
    synchronized void show(StringBuilder out, long cacheAddress) {
        long now = now();
        out.append(String.format("0x%x: %s (shctx:0x%x, available blocks:%d)\n", cacheAddress, config.name(),
                cacheAddress - 0x3a, config.maxBlocks() - hotBlocks));
        List<CacheEntry> sorted = new ArrayList<>(entries.values());
        sorted.sort(Comparator.comparingLong(e -> e.key));
        for (CacheEntry e : sorted) {
            if (e.expire <= now) {
                drop(e);
                continue;
            }
            out.append(String.format("0x%x hash:%d vary:0x0000000000000000 size:%d (%d blocks), refcount:%d, expire:%d\n",
                    cacheAddress + 0x100 + (System.identityHashCode(e) & 0xffffffL), e.key, e.len, e.blocks,
                    e.complete ? 0 : 1, e.expire - now));
        }
    }
}
