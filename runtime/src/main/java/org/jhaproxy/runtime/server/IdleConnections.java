package org.jhaproxy.runtime.server;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.AttributeKey;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server's idle HTTP connections, one list per event loop as haproxy keeps one per thread: a
 * stream only takes a connection of its own loop, so a client and its server connection always
 * share a thread. Each list is only touched from its loop.
 *
 * <p>Bounded like haproxy's pools (which stop keeping idle connections past a share of the
 * process's sockets, tune.pool-high-fd-ratio): past {@link #MAX_PER_LOOP} live idle connections a
 * released connection is closed (reset) instead of kept. A connection the server closes while idle only
 * leaves the count; its entry is dropped when met, so no step scans the list per request.
 */
public final class IdleConnections {
    static final int MAX_PER_LOOP = 1000;
    private static final AttributeKey<Boolean> POOLED = AttributeKey.valueOf("jhaproxy.pooled");

    private final Map<EventLoop, Pool> byLoop = new ConcurrentHashMap<>();
    /** False with "pool-max-conn 0", as a dynamic server has it: no connection is kept idle. */
    private final boolean keeps;

    public IdleConnections() {
        this(true);
    }

    public IdleConnections(boolean keeps) {
        this.keeps = keeps;
    }

    /** The idle connections of one loop, most recently released first. */
    private static final class Pool {
        final ArrayDeque<Channel> channels = new ArrayDeque<>();
        int live;
    }

    /** The most recently used live idle connection of this loop, or null. */
    public Channel take(EventLoop loop) {
        Pool p = byLoop.get(loop);
        if (p == null) {
            return null;
        }
        Channel c;
        while ((c = p.channels.pollFirst()) != null) {
            if (Boolean.TRUE.equals(c.attr(POOLED).getAndSet(false))) {
                p.live--;
                if (c.isActive()) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Keeps {@code c} for a later request; false when the pool is full (the caller closes it). */
    public boolean put(Channel c) {
        if (!keeps) {
            return false;
        }
        Pool p = byLoop.computeIfAbsent(c.eventLoop(), k -> new Pool());
        if (p.live >= MAX_PER_LOOP) {
            return false;
        }
        if (p.channels.size() >= 2 * MAX_PER_LOOP) {
            // entries of connections closed while idle, dropped at most once per MAX_PER_LOOP releases
            p.channels.removeIf(ch -> !Boolean.TRUE.equals(ch.attr(POOLED).get()));
        }
        c.attr(POOLED).set(true);
        p.channels.addFirst(c);
        p.live++;
        return true;
    }

    /** How many idle connections are kept now, all loops together (for the stats: read unlocked). */
    public int size() {
        int n = 0;
        for (Pool p : byLoop.values()) {
            n += p.live;
        }
        return n;
    }

    /** A connection closed by its server while idle leaves the count (called on its loop). */
    public void remove(Channel c) {
        if (Boolean.TRUE.equals(c.attr(POOLED).getAndSet(false))) {
            Pool p = byLoop.get(c.eventLoop());
            if (p != null) {
                p.live--;
            }
        }
    }

    /**
     * "del server": every idle connection is closed, each on its own loop (the pools are only
     * touched there); the server is gone from its backend, so none comes back.
     */
    public void purge() {
        byLoop.forEach((loop, p) -> loop.execute(() -> {
            Channel c;
            while ((c = p.channels.pollFirst()) != null) {
                if (Boolean.TRUE.equals(c.attr(POOLED).getAndSet(false))) {
                    p.live--;
                }
                org.jhaproxy.runtime.stream.ServerConnector.closeHard(c);
            }
        }));
    }
}
