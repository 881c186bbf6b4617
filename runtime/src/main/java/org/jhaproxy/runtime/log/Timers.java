package org.jhaproxy.runtime.log;

/** The timers of a log line, from the stream's dates, -1 for an event that did not happen. */
final class Timers {
    private Timers() {
    }

    /** Tq: from the accept to the complete request head (Th + Ti + TR). */
    static int request(StreamLog l) {
        return l.request >= 0 ? l.request : -1;
    }

    /** TR: receiving the request head, after the handshake and the idle time. */
    static int requestTime(StreamLog l) {
        return l.request >= 0 ? l.request - l.idle - l.handshake : -1;
    }

    /** Tw: in the queues. */
    static int queueTime(StreamLog l) {
        return l.queue >= 0 ? l.queue - request(l) : -1;
    }

    /** Tc: connecting to the server. */
    static int connectTime(StreamLog l) {
        return l.connect >= 0 ? l.connect - l.queue : -1;
    }

    /** Tr: the server's response head. */
    static int responseTime(StreamLog l) {
        return l.data >= 0 ? l.data - l.connect : -1;
    }

    /** Td: the data transfer. */
    static int dataTime(StreamLog l) {
        if (l.data >= 0) {
            return l.close - l.data;
        }
        return l.connect >= 0 ? l.close - l.connect : -1;
    }

    /** Ta: the active time, Tt minus the handshake and idle times. */
    static int activeTime(StreamLog l) {
        return l.close - (l.idle >= 0 ? l.idle + l.handshake : 0);
    }
}
