package org.jhaproxy.runtime.cli;

import java.nio.charset.StandardCharsets;
import org.jhaproxy.runtime.sink.Ring;

/**
 * A CLI session reading a ring ("show events &lt;ring&gt; [-n] [-w]", ring.c's show_ring_ctx):
 * where it is in the ring, and whether it stays attached to print each new event ("-w").
 */
final class RingReader {
    private final Ring ring;
    private final boolean waits;
    private long next;

    RingReader(Ring ring, boolean seekNew, boolean waits) {
        this.ring = ring;
        this.waits = waits;
        this.next = seekNew ? ring.end() : 0;
    }

    Ring ring() {
        return ring;
    }

    /** "-w": the command goes on after the events kept, until the client closes or types. */
    boolean waits() {
        return waits;
    }

    /** The events not read yet, one a line (those dropped meanwhile are skipped). */
    String read() {
        Ring.Batch batch = ring.from(next);
        next = batch.next();
        StringBuilder out = new StringBuilder();
        for (byte[] e : batch.events()) {
            out.append(new String(e, StandardCharsets.ISO_8859_1)).append('\n');
        }
        return out.toString();
    }
}
