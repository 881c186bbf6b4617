package org.jhaproxy.runtime.proxy;

import java.util.concurrent.atomic.LongAdder;

/**
 * The h1 stats module's counters of one side of a proxy: client connections for a frontend,
 * server connections for a backend (connections, streams, raw bytes).
 */
public final class H1Counters {
    public final LongAdder connections = new LongAdder();
    public final LongAdder openConnections = new LongAdder();
    public final LongAdder streams = new LongAdder();
    public final LongAdder bytesIn = new LongAdder();
    public final LongAdder bytesOut = new LongAdder();

    /**
     * The h1 module is "clearable": "clear counters" resets it too. The open connections gauge
     * is kept: haproxy zeroes it and then underflows it as those connections close.
     */
    public void clear() {
        connections.reset();
        streams.reset();
        bytesIn.reset();
        bytesOut.reset();
    }
}
