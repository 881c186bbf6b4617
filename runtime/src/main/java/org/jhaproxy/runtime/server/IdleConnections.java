package org.jhaproxy.runtime.server;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server's idle HTTP connections, one list per event loop as haproxy keeps one per thread: a
 * stream only takes a connection of its own loop, so a client and its server connection always
 * share a thread. Only touched from the owning loop.
 */
public final class IdleConnections {
    private final Map<EventLoop, Deque<Channel>> byLoop = new ConcurrentHashMap<>();

    /** The most recently used live idle connection of this loop, or null. */
    public Channel take(EventLoop loop) {
        Deque<Channel> d = byLoop.get(loop);
        if (d == null) {
            return null;
        }
        Channel c;
        while ((c = d.pollFirst()) != null) {
            if (c.isActive()) {
                return c;
            }
        }
        return null;
    }

    public void put(Channel c) {
        Deque<Channel> d = byLoop.computeIfAbsent(c.eventLoop(), k -> new ArrayDeque<>());
        d.addFirst(c);
    }

    /** A connection closed by its server while idle leaves the list (called on its loop). */
    public void remove(Channel c) {
        Deque<Channel> d = byLoop.get(c.eventLoop());
        if (d != null) {
            d.remove(c);
        }
    }
}
