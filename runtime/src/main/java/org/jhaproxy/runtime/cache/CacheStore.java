package org.jhaproxy.runtime.cache;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * An object being stored (the cache filter's payload and end callbacks): each response part
 * forwarded to the client is copied into the entry as one HTX data block; the entry becomes
 * usable when the response ends, and is dropped if it grows past max-object-size, the cache
 * is full of objects in use, or the stream ends first.
 */
final class CacheStore {
    private final Cache cache;
    private final CacheEntry entry;
    private final long expire;
    private boolean done;

    CacheStore(Cache cache, CacheEntry entry, long expire) {
        this.cache = cache;
        this.entry = entry;
        this.expire = expire;
    }

    /** Copies the part's bytes (the buffer stays the caller's); false when the object is given up. */
    boolean append(HttpContent part) {
        ByteBuf b = part.content();
        int n = b.readableBytes();
        // haproxy appends the data of one read to the buffer's last DATA block and small objects
        // come in one read: the body counts as one block (a body read in several parts would
        // count a block per forwarding there, which depends on the network)
        long rowBytes = n > 0 ? (entry.body.isEmpty() ? CacheEntry.BLOCK_INFO : 0) + n : 0;
        LastHttpContent last = part instanceof LastHttpContent l ? l : null;
        if (last != null && entry.chunked) {
            // the trailers and the end-of-trailers block
            Iterator<Map.Entry<String, String>> it = last.trailingHeaders().iteratorAsString();
            while (it.hasNext()) {
                Map.Entry<String, String> h = it.next();
                rowBytes += CacheEntry.BLOCK_INFO + h.getKey().length() + h.getValue().length();
            }
            rowBytes += CacheEntry.BLOCK_INFO + 1;
        }
        if (rowBytes > 0 && !cache.reserve(entry, rowBytes)) {
            abandon();
            return false;
        }
        if (n > 0) {
            byte[] copy = new byte[n];
            b.getBytes(b.readerIndex(), copy);
            entry.body.add(copy);
        }
        if (last != null && entry.chunked) {
            for (Map.Entry<String, String> h : last.trailingHeaders()) {
                entry.trailers.add(new CacheEntry.Header(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            }
        }
        return true;
    }

    void complete() {
        if (!done) {
            done = true;
            cache.complete(entry, expire);
        }
    }

    void abandon() {
        if (!done) {
            done = true;
            cache.abandon(entry);
        }
    }
}
