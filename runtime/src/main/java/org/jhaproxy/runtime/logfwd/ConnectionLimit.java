package org.jhaproxy.runtime.logfwd;

import io.netty.channel.Channel;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A log-forward section's "maxconn": at the limit its stream listeners stop accepting (the
 * connections wait in the backlog), and accept again when one closes, as a full listener does.
 */
final class ConnectionLimit {
    private final long max;
    private final AtomicInteger current = new AtomicInteger();
    private final List<Channel> listeners = new CopyOnWriteArrayList<>();

    ConnectionLimit(long max) {
        this.max = max;
    }

    void listener(Channel c) {
        if (c instanceof io.netty.channel.ServerChannel) {
            listeners.add(c);
        }
    }

    void opened(Channel child) {
        if (max <= 0) {
            return;
        }
        if (current.incrementAndGet() >= max) {
            listeners.forEach(l -> l.config().setAutoRead(false));
        }
        child.closeFuture().addListener(f -> {
            if (current.decrementAndGet() < max) {
                listeners.forEach(l -> l.config().setAutoRead(true));
            }
        });
    }
}
