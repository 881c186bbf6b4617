package org.jhaproxy.runtime.tcp;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.runtime.action.TcpContentAnalysis;
import org.jhaproxy.runtime.log.TermState;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * A TCP stream's "tcp-request content" rules while they wait for data (configuration.txt
 * 4.2 "tcp-request inspect-delay"): run at the start, at every chunk the client sends, when
 * it shuts its side, and once more when the delay expires, then final. Their decision starts
 * the server connection or rejects the stream. When the client's timeout strikes before the
 * delay ends ({@link ClientWait}), the rules run a last time, final, and the stream ends there
 * ("cR", or "PR" if they reject) without connecting to a server.
 */
final class ContentInspection {
    private final TcpStream stream;
    private final TcpContentAnalysis analysis;
    private final EventLoop loop;
    private ScheduledFuture<?> timer;
    private long armedFor;

    ContentInspection(TcpStream stream, SampleContext samples, EventLoop loop) {
        this.stream = stream;
        this.loop = loop;
        this.analysis = new TcpContentAnalysis(samples);
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
        long deadline = analysis.deadline();
        if (timer != null && armedFor == deadline) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        armedFor = deadline;
        long in = Math.max(0, deadline - System.nanoTime());
        timer = loop.schedule(() -> {
            timer = null;
            if (stream.inspecting()) {
                run(false);
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
    }
}
