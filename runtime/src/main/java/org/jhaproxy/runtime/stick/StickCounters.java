package org.jhaproxy.runtime.stick;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/**
 * The tracked counters of a session or of a stream (haproxy's stkctr[] arrays): for each of the
 * three sticky counters sc0..sc2, the table and entry tracked, held until the session (the client
 * connection) or the stream ends. Starting to track an entry counts a connection on it
 * (conn_cur, conn_cnt, conn_rate); ending gives conn_cur back (stream_store_counters()).
 */
public final class StickCounters {
    /** MAX_SESS_STKCTR: tune.stick-counters defaults to 3. */
    public static final int MAX = 3;
    private static final AttributeKey<StickCounters> SESSION = AttributeKey.valueOf("jhaproxy.sess.stkctr");

    private final StickTable[] tables = new StickTable[MAX];
    private final StickEntry[] entries = new StickEntry[MAX];
    private final Channel client;
    private boolean releaseScheduled;

    private StickCounters(Channel client) {
        this.client = client;
    }

    /** The counters of a client connection's session, released when it closes. */
    public static StickCounters session(Channel client) {
        StickCounters s = client.attr(SESSION).get();
        if (s == null) {
            s = new StickCounters(client);
            client.attr(SESSION).set(s);
        }
        return s;
    }

    /** The counters of one stream, released by {@link #release()} when the stream ends. */
    public static StickCounters stream() {
        return new StickCounters(null);
    }

    public boolean tracks(int n) {
        return entries[n] != null;
    }

    StickTable table(int n) {
        return tables[n];
    }

    StickEntry entry(int n) {
        return entries[n];
    }

    /**
     * Tracks the entry of {@code key} in {@code t} as counter {@code n} (stream_track_stkctr()),
     * unless it tracks one already; returns the entry newly tracked, else null.
     */
    StickEntry track(int n, StickTable t, byte[] key) {
        if (entries[n] != null || key == null) {
            return null;
        }
        StickEntry e = t.hold(key);
        if (e == null) {
            return null;
        }
        tables[n] = t;
        entries[n] = e;
        t.locked(() -> {
            // stream_start_counters(): one more connection on this entry
            t.add(e, DataType.CONN_CUR, 1);
            t.add(e, DataType.CONN_CNT, 1);
            t.add(e, DataType.CONN_RATE, 1);
            t.touch(e);
            return null;
        });
        if (client != null && !releaseScheduled) {
            releaseScheduled = true;
            client.closeFuture().addListener(f -> release());
        }
        return e;
    }

    /** Adds to a data type of every tracked entry storing it. */
    void add(DataType t, long inc) {
        for (int i = 0; i < MAX; i++) {
            if (entries[i] != null) {
                tables[i].add(entries[i], t, inc);
            }
        }
    }

    /** The session or stream ends: each entry loses its connection and its hold (session_store_counters()). */
    public void release() {
        for (int i = 0; i < MAX; i++) {
            StickEntry e = entries[i];
            if (e == null) {
                continue;
            }
            StickTable t = tables[i];
            t.locked(() -> {
                e.decrement(DataType.CONN_CUR);
                // only a stored conn_cur makes it an update that renews the expiry date
                t.release(e, e.stores(DataType.CONN_CUR));
                return null;
            });
            entries[i] = null;
            tables[i] = null;
        }
    }
}
