package org.jhaproxy.runtime.tcp;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.runtime.action.TcpContentAnalysis;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * A TCP stream's "tcp-request content" rules while they wait for data (configuration.txt
 * 4.2 "tcp-request inspect-delay"): run at the start, at every chunk the client sends, when
 * it shuts its side, and once more when the delay expires, then final. Their decision starts
 * the server connection or rejects the stream. The client's timeout runs meanwhile (from its
 * last data): when it strikes before the delay ends, the rules run a last time, final, and the
 * stream ends there ("cR", or "PR" if they reject) without connecting to a server.
 */
final class ContentInspection {
    private final TcpStream stream;
    private final TcpContentAnalysis analysis;
    /** "timeout client" in ns, 0 for none. */
    private final long clientTimeout;
    private ScheduledFuture<?> timer;
    private long armedFor;
    private ScheduledFuture<?> clientTimer;
    private long lastRead = System.nanoTime();

    ContentInspection(TcpStream stream, SampleContext samples, long clientTimeoutMs) {
        this.stream = stream;
        this.analysis = new TcpContentAnalysis(samples);
        this.clientTimeout = clientTimeoutMs * 1_000_000L;
    }

    /** The client sent data: its timeout counts from now, and the rules look again. */
    void received(boolean inputClosed) {
        lastRead = System.nanoTime();
        run(inputClosed);
    }

    /** Runs the rules on what the buffer holds now; {@code inputClosed}: the client shut its side. */
    void run(boolean inputClosed) {
        switch (analysis.analyse(inputClosed)) {
            case WAIT -> arm();
            case REJECT -> {
                cancel();
                stream.rejected(analysis.backend());
            }
            case DONE -> {
                cancel();
                stream.accepted(analysis.backend());
            }
        }
    }

    /** The rules wait: they run again, final, when the delay ends (unless data decides first). */
    private void arm() {
        if (clientTimer == null && clientTimeout > 0) {
            watchClient();
        }
        long deadline = analysis.deadline();
        if (timer != null && armedFor == deadline) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        armedFor = deadline;
        long in = Math.max(0, deadline - System.nanoTime());
        timer = stream.clientChannel().eventLoop().schedule(() -> {
            timer = null;
            if (stream.inspecting(this)) {
                run(false);
            }
        }, in, TimeUnit.NANOSECONDS);
    }

    /** The client's read timeout while the rules wait, rescheduled past each data it sends. */
    private void watchClient() {
        long in = Math.max(0, lastRead + clientTimeout - System.nanoTime());
        clientTimer = stream.clientChannel().eventLoop().schedule(() -> {
            clientTimer = null;
            if (!stream.inspecting(this)) {
                return;
            }
            if (System.nanoTime() - lastRead < clientTimeout) {
                watchClient();
            } else {
                conclude(TermState.Cause.CLIENT_TIMEOUT);
            }
        }, in, TimeUnit.NANOSECONDS);
    }

    /**
     * The client left (CLIENT_CLOSE) or timed out (CLIENT_TIMEOUT): the rules run a last time,
     * final. A reject then is logged "PR" (the rule sets the stream's error first), else the
     * client's end is ("CR", "cR").
     */
    void conclude(TermState.Cause cause) {
        cancel();
        TcpContentAnalysis.Outcome o = analysis.analyse(true);
        if (o == TcpContentAnalysis.Outcome.REJECT) {
            stream.rejected(analysis.backend());
        } else {
            stream.abandoned(cause, o == TcpContentAnalysis.Outcome.DONE ? analysis.backend() : null);
        }
    }

    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (clientTimer != null) {
            clientTimer.cancel(false);
            clientTimer = null;
        }
    }
}
