package org.jhaproxy.runtime.tcp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * "timeout client-fin" and "timeout server-fin" (configuration.txt 4.2): once the proxy shut its
 * output towards a side (it forwarded the other side's FIN), that side's inactivity timeout
 * becomes its fin timeout, so that a peer gone away without closing does not hold the stream
 * for the whole client, server or tunnel timeout (haproxy's hcto, applied at sc shutw).
 */
public final class FinTimeouts {
    /** The name of a side's inactivity handler in its pipeline. */
    static final String IDLE = "idle";

    /** The keywords executed here (RuntimeSupport). */
    public static final Set<String> EXECUTED = Set.of("proxy timeout client-fin", "proxy timeout server-fin");

    private FinTimeouts() {
    }

    /** The side's inactivity timeout, in ms, 0 for none. */
    static void idle(Channel side, long ms) {
        if (ms > 0) {
            side.pipeline().addLast(IDLE, new IdleStateHandler(0, 0, ms, TimeUnit.MILLISECONDS));
        }
    }

    /** The output towards {@code side} was shut: its inactivity timeout becomes {@code finMs} if set. */
    static void outputShut(Channel side, long finMs) {
        if (finMs <= 0 || !side.isActive()) {
            return;
        }
        IdleStateHandler fin = new IdleStateHandler(0, 0, finMs, TimeUnit.MILLISECONDS);
        ChannelPipeline p = side.pipeline();
        if (p.get(IDLE) != null) {
            p.replace(IDLE, IDLE, fin);
        } else {
            p.addFirst(IDLE, fin);
        }
    }
}
