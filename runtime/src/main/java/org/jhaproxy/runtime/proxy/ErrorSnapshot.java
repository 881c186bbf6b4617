package org.jhaproxy.runtime.proxy;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.jhaproxy.runtime.server.Server;

/**
 * An invalid message as the H1 parser refused it (haproxy's struct error_snapshot): the bytes
 * its input buffer held, where the parser stopped, and the H1 connection, stream and message
 * state of that moment, kept for "show errors". A proxy keeps the last one of each direction.
 *
 * @param when       when it was captured, epoch milliseconds
 * @param src        the client's address (the session's origin), null if unknown
 * @param otherEnd   the backend of a request, the frontend of a response; null when no stream was attached
 * @param server     the server that sent a response, null for a request
 * @param eventId    the process-wide event number
 * @param buf        the captured input buffer, at most a buffer's worth
 * @param wrapsAt    where the buffer would wrap, from its first byte
 * @param errPos     where the parser stopped in {@code buf}
 * @param h1         the H1 parser's state at that position
 */
public record ErrorSnapshot(long when, InetSocketAddress src, Proxy otherEnd, Server server, int eventId,
                            byte[] buf, int wrapsAt, int errPos, H1State h1) {
    /** error_snapshot_id: one count for every proxy, as "Total events captured" reports it. */
    private static final AtomicInteger EVENTS = new AtomicInteger();

    /** The H1 mux's part (h1_show_error_snapshot()): connection, stream and message flags and state. */
    public record H1State(int connFlags, int streamFlags, int msgState, String msgStateName, int msgFlags,
                          long chunkLen, long bodyLen) {
    }

    /** The next event number, taken by each capture. */
    public static int nextEventId() {
        return EVENTS.getAndIncrement();
    }

    /** How many events were captured since the process started. */
    public static int events() {
        return EVENTS.get();
    }
}
