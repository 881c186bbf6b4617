package org.jhaproxy.runtime.comp;

import java.util.concurrent.atomic.LongAdder;

/**
 * A frontend's or backend's compression counters (the stats' comp_in, comp_out, comp_byp,
 * comp_rsp): bytes given to the compressor and what came out, bytes that bypassed it, and
 * responses compressed.
 */
public final class CompCounters {
    public final LongAdder in = new LongAdder();
    public final LongAdder out = new LongAdder();
    public final LongAdder bypassed = new LongAdder();
    public final LongAdder responses = new LongAdder();

    public void clear() {
        in.reset();
        out.reset();
        bypassed.reset();
        responses.reset();
    }
}
