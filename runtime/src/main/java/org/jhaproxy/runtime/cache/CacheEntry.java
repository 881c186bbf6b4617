package org.jhaproxy.runtime.cache;

import java.util.ArrayList;
import java.util.List;

/**
 * One object of a cache (cache.c's cache_entry and its shared row): the response head as HTX
 * held it when "http-response cache-store" ran, its body parts and trailers as they were
 * forwarded, and the row's size as haproxy counts it (the entry header, then each HTX block's
 * 4-byte info and payload). It is filled by one stream, then read by any: once {@link #complete}
 * it no longer changes.
 */
final class CacheEntry {
    /** sizeof(struct cache_entry) on haproxy's 64-bit builds: the row's first bytes. */
    static final int ENTRY_SIZE = 112;
    /** An HTX block's info word. */
    static final int BLOCK_INFO = 4;
    /** CACHE_ENTRY_MAX_AGE: the largest Age haproxy keeps or writes. */
    static final long MAX_AGE = 2147483648L;

    /** A header as HTX holds it: its name in lower case, its value. */
    record Header(String name, String value) {
    }

    final byte[] hash;
    /** The first 32 bits of the hash as haproxy reads them (read_u32 on little-endian): the tree key. */
    final long key;
    String version;
    int status;
    String reason;
    final List<Header> headers = new ArrayList<>();
    boolean chunked;
    final List<byte[]> body = new ArrayList<>();
    final List<Header> trailers = new ArrayList<>();
    /** The Age the origin gave (removed from the stored head), in seconds. */
    long age;
    /** Seconds since the epoch: when it was stored (latest_validation), when it expires. */
    long latestValidation;
    long expire;
    /** Last-Modified, else Date, else the storage time: for If-Modified-Since. */
    long lastModified;
    /** The ETag value, null without one: for If-None-Match. */
    String etag;
    /** The row's length in bytes and the blocks it takes. */
    long len = ENTRY_SIZE;
    long blocks = 1;
    /** Blocks removed from the head before it was stored (the Age header): their info words stay in the row. */
    int unusedBlocks;
    boolean complete;
    /** Still in the cache's index (an entry replaced or evicted while being stored is not). */
    boolean indexed = true;

    CacheEntry(byte[] hash) {
        this.hash = hash;
        this.key = (hash[0] & 0xffL) | (hash[1] & 0xffL) << 8 | (hash[2] & 0xffL) << 16 | (hash[3] & 0xffL) << 24;
    }

    /** The HTX size of the head (start line descriptor and parts, headers, end of headers). */
    long headHtxSize() {
        long n = 20 + version.length() + 3 + reason.length() + 1;
        for (Header h : headers) {
            n += h.name().length() + h.value().length();
        }
        return n;
    }

    /** The HTX size of the body and, for a chunked one, its trailers and end-of-trailers block. */
    long bodyHtxSize() {
        long n = 0;
        for (byte[] b : body) {
            n += b.length;
        }
        if (chunked) {
            n += 1;
            for (Header h : trailers) {
                n += h.name().length() + h.value().length();
            }
        }
        return n;
    }

    /** The row bytes of the head: each block's info and payload, the start line's descriptor included. */
    long headRowSize() {
        long n = BLOCK_INFO + 20 + version.length() + 3 + reason.length() + BLOCK_INFO + 1 + (long) unusedBlocks * BLOCK_INFO;
        for (Header h : headers) {
            n += BLOCK_INFO + h.name().length() + h.value().length();
        }
        return n;
    }
}
