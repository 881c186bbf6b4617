package org.jhaproxy.runtime.log;

/**
 * Where the bytes of a log line go. A sink never blocks its caller (an event loop): a line that
 * cannot leave now is dropped and counted, as haproxy counts "dropped_logs" on EAGAIN.
 */
interface LogSink extends AutoCloseable {
    /** Sends one whole line (header, message, newline). */
    void send(byte[] line);

    @Override
    void close();
}
