package org.jhaproxy.runtime.log;

/**
 * What a stream's log line reports (haproxy's strm_logs and the stream flags it logs): when
 * things happened, in milliseconds since the accept (-1 for "did not happen"), how much was
 * transferred, how the stream ended, and which backend and server it used. Written by the
 * stream on its event loop, read once when the line is built.
 */
public final class StreamLog {
    private final long acceptEpochMicros;
    private final long acceptNanos;
    /** Th: the connection's handshake, 0 without TLS. */
    public int handshake;
    /** Ti: the time idle before the first byte of the request, -1 before it came. */
    public int idle = -1;
    /** When the request head was complete (tv_request), -1 before. */
    public int request = -1;
    /** When the stream left the queue with a server assigned (t_queue), -1 before. */
    public int queue = -1;
    /** When the server connection was established (t_connect), -1 before. */
    public int connect = -1;
    /** When the response head arrived (t_data), -1 before. */
    public int data = -1;
    /** When the stream ended (t_close). */
    public int close;
    public int status;
    /** Bytes from the client (%U). */
    public long bytesIn;
    /** Bytes to the client (%B). */
    public long bytesOut;
    /** How the stream ended: SF_ERR_* and SF_FINST_*. */
    public TermState.Cause cause = TermState.Cause.NONE;
    public TermState.Phase phase = TermState.Phase.NONE;
    public String backend;
    public String server;
    /** The request line as received ("GET / HTTP/1.1"), null when no request was parsed. */
    public String requestLine;
    /** Connection attempts that failed before this one (conn_retries). */
    public int retries;
    /** The stream was redispatched to another server (SF_REDISP). */
    public boolean redispatched;
    /** The positions in the server's and the backend's queues when queued, else 0. */
    public int serverQueuePos;
    public int backendQueuePos;
    /** Served streams of the server (srv->cur_sess) at the end, for %sc. */
    public int serverConns;
    /** The server connection's local and remote addresses (%bi %bp, %si %sp), null without one. */
    public java.net.InetSocketAddress serverLocal;
    public java.net.InetSocketAddress serverRemote;
    /** Streams numbered in the process, from 0 (global.req_count). */
    private static final java.util.concurrent.atomic.AtomicLong STREAMS = new java.util.concurrent.atomic.AtomicLong();
    /** The stream's number (%rt), -1 until its request came. */
    private long streamNumber = -1;
    /** The cookie persistence flags of %tsc (TX_CK, TX_SCK letters), '-' without a cookie mode. */
    public char cookieClient = '-';
    public char cookieServer = '-';
    /** "capture cookie": the request's and the response's captured cookie (%CC, %CS), or null. */
    public String requestCookie;
    public String responseCookie;
    /** The frontend has "option logasap": %Tt, %Ta, %Tu and %B are written with a "+". */
    public boolean logasap;

    private StreamLog(long acceptEpochMicros, long acceptNanos) {
        this.acceptEpochMicros = acceptEpochMicros;
        this.acceptNanos = acceptNanos;
    }

    /** A stream accepted now. */
    public static StreamLog acceptedNow() {
        java.time.Instant now = java.time.Instant.now();
        return new StreamLog(now.getEpochSecond() * 1_000_000L + now.getNano() / 1000, System.nanoTime());
    }

    /**
     * The next stream of a keep-alive connection: haproxy dates it from the end of the previous
     * one, and its idle time runs from there.
     */
    public static StreamLog next() {
        return acceptedNow();
    }

    /** Milliseconds since the accept, now. */
    public int elapsed() {
        return (int) ((System.nanoTime() - acceptNanos) / 1_000_000L);
    }

    /** The accept date in microseconds since the epoch. */
    public long acceptEpochMicros() {
        return acceptEpochMicros;
    }

    /** %rt: the stream's number, taken when its request came (when the stream was created). */
    public synchronized long streamNumber() {
        if (streamNumber < 0) {
            streamNumber = STREAMS.getAndIncrement();
        }
        return streamNumber;
    }

    public void requestReceived() {
        streamNumber();
        if (idle < 0) {
            idle = 0;
        }
        request = elapsed();
    }

    public void queued(int serverPos, int backendPos) {
        serverQueuePos = serverPos;
        backendQueuePos = backendPos;
    }

    public void serverAssigned() {
        queue = elapsed();
    }

    public void connected() {
        connect = elapsed();
    }

    public void responseReceived() {
        data = elapsed();
    }

    /** Sets how the stream ended, unless a cause was set already (the first error wins, as SF_ERR_MASK). */
    public void end(TermState.Cause c, TermState.Phase p) {
        if (cause == TermState.Cause.NONE) {
            cause = c;
        }
        if (phase == TermState.Phase.NONE) {
            phase = p;
        }
    }

    public void closed() {
        close = elapsed();
    }

    /** The stream ended with an error worth a separate log level (strm_log()'s "err"). */
    public boolean isError(boolean http, int configuredRetries) {
        return redispatched || cause.ordinal() > TermState.Cause.LOCAL.ordinal()
                || (cause == TermState.Cause.NONE && retries > 0)
                || (http && status >= 500);
    }
}
