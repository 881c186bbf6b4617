package org.jhaproxy.runtime.stick;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stick-table (configuration.txt 4.2 "stick-table", stick_table.c): entries by key, at most
 * {@code size} of them. A new entry in a full table first purges the entries expiring first that
 * nobody tracks (unless "nopurge", then it is not created). An entry expires {@code expire} ms
 * after it was last touched (tracked, counted, set); expired entries that nobody tracks are
 * removed when the table is next used, as haproxy's expiry task would have.
 */
public final class StickTable {
    private static final Comparator<byte[]> ORDER = Arrays::compareUnsigned;

    private final String name;
    private final KeyType type;
    private final int keySize;
    private final int size;
    private final long expire;
    private final boolean nopurge;
    private final Map<DataType, Long> stored;
    private final TreeMap<byte[], StickEntry> entries = new TreeMap<>(ORDER);

    StickTable(String name, KeyType type, int keySize, int size, long expire, boolean nopurge, Map<DataType, Long> stored) {
        this.name = name;
        this.type = type;
        this.keySize = keySize;
        this.size = size;
        this.expire = expire;
        this.nopurge = nopurge;
        this.stored = stored;
    }

    /** The table's "expire" delay in ms, 0 when entries do not expire. */
    long expireDelay() {
        return expire;
    }

    public String name() {
        return name;
    }

    public KeyType type() {
        return type;
    }

    public int size() {
        return size;
    }

    int keySize() {
        return keySize;
    }

    /** The data types stored, with the period of each rate (0 for counters). */
    public Map<DataType, Long> stored() {
        return stored;
    }

    /**
     * A stick rule uses this table: it stores server_id and server_key from now on, as
     * stktable_alloc_data_type() adds them at start-up whatever its "store" says.
     */
    void allocate(DataType t) {
        stored.putIfAbsent(t, 0L);
    }

    synchronized String serverKey(StickEntry e) {
        return e.serverKey();
    }

    long period(DataType t) {
        Long p = stored.get(t);
        return p == null ? 0 : p;
    }

    static long now() {
        return System.nanoTime() / 1_000_000L;
    }

    /** The number of entries (t->current). */
    public synchronized int used() {
        purgeExpired(now());
        return entries.size();
    }

    /** The entry of {@code key}, created when missing (stktable_get_entry()), held once more; null if the table is full. */
    synchronized StickEntry hold(byte[] key) {
        long now = now();
        purgeExpired(now);
        StickEntry e = entries.get(key);
        if (e == null) {
            if (entries.size() >= size && (nopurge || trashOldest((size >> 8) + 1) == 0)) {
                return null;
            }
            e = new StickEntry(key, this);
            e.expire = now + expire;
            entries.put(key, e);
        }
        e.refs++;
        return e;
    }

    /** The entry of {@code key} if there is one (stktable_lookup_key()), not held. */
    synchronized StickEntry lookup(byte[] key) {
        purgeExpired(now());
        return entries.get(key);
    }

    /** Gives back a hold; {@code touch} renews the expiry date as a local update does. */
    synchronized void release(StickEntry e, boolean touch) {
        if (touch) {
            e.expire = now() + expire;
        }
        e.refs--;
    }

    /** stktable_touch_local(): the entry was updated, it expires a full delay from now. */
    synchronized void touch(StickEntry e) {
        e.expire = now() + expire;
    }

    /** Reads a data type of an entry; null when the table does not store it. */
    public synchronized Long read(StickEntry e, DataType t) {
        return e.stores(t) ? e.get(t, period(t), now()) : null;
    }

    /** Adds to a data type of an entry if stored, touching it; false when not stored. */
    synchronized boolean add(StickEntry e, DataType t, long inc) {
        long now = now();
        if (!e.add(t, period(t), now, inc)) {
            return false;
        }
        e.expire = now + expire;
        return true;
    }

    /** Runs {@code change} under the table's lock (several data of one entry at once). */
    synchronized <T> T locked(java.util.function.Supplier<T> change) {
        return change.get();
    }

    /** Removes an entry nobody tracks ("clear table ... key"); false when it is in use. */
    synchronized boolean kill(StickEntry e) {
        if (e.refs > 0) {
            return false;
        }
        entries.remove(e.key, e);
        return true;
    }

    /** The entries in key order, for "show table" and "clear table". */
    synchronized List<StickEntry> entries() {
        purgeExpired(now());
        return new ArrayList<>(entries.values());
    }

    /** How long an entry has left, in ms (tick_remain()), 0 once expired. */
    synchronized long remaining(StickEntry e) {
        return Math.max(0, e.expire - now());
    }

    synchronized int refs(StickEntry e) {
        return e.refs;
    }

    String keyText(StickEntry e) {
        return type.text(e.key, keySize);
    }

    byte[] key(org.jhaproxy.runtime.sample.Sample s) {
        return type.key(s, keySize);
    }

    byte[] parseKey(String text) {
        return type.parse(text, keySize);
    }

    private void purgeExpired(long now) {
        if (expire == 0 || entries.isEmpty()) {
            return;
        }
        entries.values().removeIf(e -> e.refs == 0 && e.expire - now <= 0);
    }

    /** __stktable_trash_oldest(): the unreferenced entries expiring first go. */
    private int trashOldest(int batch) {
        List<StickEntry> all = new ArrayList<>(entries.values());
        Collections.sort(all, Comparator.comparingLong(e -> e.expire));
        int n = 0;
        for (StickEntry e : all) {
            if (n >= batch) {
                break;
            }
            if (e.refs == 0) {
                entries.remove(e.key);
                n++;
            }
        }
        return n;
    }
}
