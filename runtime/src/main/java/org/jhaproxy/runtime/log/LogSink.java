package org.jhaproxy.runtime.log;

/**
 * Where the bytes of a log line go. A sink never blocks its caller (an event loop): a line that
 * cannot leave now is dropped and counted, as haproxy counts "dropped_logs" on EAGAIN.
 */
interface LogSink extends AutoCloseable {
    /** Sends one whole line (header, message, newline). */
    void send(byte[] line);

    /** Writes now what is still on its way, for a process about to end (a no-op for datagrams, sent at once). */
    default void flush() {
    }

    @Override
    void close();
}
