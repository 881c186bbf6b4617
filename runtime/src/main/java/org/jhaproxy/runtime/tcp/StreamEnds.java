package org.jhaproxy.runtime.tcp;

import org.jhaproxy.runtime.log.TermState;

/**
 * The stream whose two connections {@link HalfClose} relays: a "mode tcp" stream, or an HTTP
 * stream turned into a tunnel (a WebSocket after its 101, a CONNECT after its 2xx).
 */
public interface StreamEnds {
    /** How the stream ends, unless a cause and a phase were given already (the first ones win). */
    void endAs(TermState.Cause cause, TermState.Phase phase);

    /** The stream is over: it is counted and logged, once, before its connections are closed. */
    void end();

    /** The stream ends now: {@link #end()}, then both connections are closed. */
    void abort();
}
