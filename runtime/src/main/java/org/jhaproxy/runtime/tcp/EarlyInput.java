package org.jhaproxy.runtime.tcp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import org.jhaproxy.runtime.payload.RequestBuffer;

/**
 * What the client sends before its server connection is up: haproxy reads it while the rules
 * inspect it and while it connects, keeps it in the request buffer (where the payload fetches
 * read it) and sends it first once connected, followed by the client's FIN if one came.
 */
final class EarlyInput {
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private final RequestBuffer buffer;
    private boolean shut;

    EarlyInput(int recvLimit) {
        this.buffer = new RequestBuffer(recvLimit);
    }

    /** The buffer the payload fetches read. */
    RequestBuffer buffer() {
        return buffer;
    }

    void add(Object msg) {
        held.add(msg);
        if (msg instanceof ByteBuf b) {
            buffer.append(b);
        }
    }

    /** The client's FIN came (Netty reads it even while reads are off). */
    void shut() {
        shut = true;
    }

    boolean isShut() {
        return shut;
    }

    /** Writes what was held to the now connected server (flushed by the caller). */
    void sendTo(Channel server) {
        Object m;
        while ((m = held.poll()) != null) {
            server.write(m, server.voidPromise());
        }
        buffer.clear();
    }

    /** The stream ended before its server connection: what was held is dropped. */
    void release() {
        Object m;
        while ((m = held.poll()) != null) {
            ReferenceCountUtil.release(m);
        }
    }
}
