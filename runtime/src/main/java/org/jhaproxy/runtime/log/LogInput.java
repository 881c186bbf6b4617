package org.jhaproxy.runtime.log;

import org.jhaproxy.runtime.sample.SampleContext;

/**
 * What a log-format string is evaluated on: the stream's samples and its log record (null when
 * a rule evaluates a header value before any), and the process figures read when it is built.
 *
 * @param actconn the process's current connections (%ac)
 * @param logCount the frontend's log line counter (%lc)
 */
public record LogInput(SampleContext samples, StreamLog log, int actconn, long logCount) {
    /** A rule's header value, redirect location or reply body (no samples for a constant one built at load). */
    public static LogInput of(SampleContext samples) {
        return new LogInput(samples, samples == null ? null : samples.log(), 0, 0);
    }
}
