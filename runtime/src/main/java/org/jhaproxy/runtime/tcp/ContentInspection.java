package org.jhaproxy.runtime.tcp;

import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jhaproxy.runtime.action.TcpContentAnalysis;
import org.jhaproxy.runtime.sample.SampleContext;

/**
 * A TCP stream's "tcp-request content" rules while they wait for data (configuration.txt
 * 4.2 "tcp-request inspect-delay"): run at the start, at every chunk the client sends, when
 * it shuts its side, and once more when the delay expires, then final. Their decision starts
 * the server connection or rejects the stream.
 */
final class ContentInspection {
    private final TcpStream stream;
    private final TcpContentAnalysis analysis;
    private ScheduledFuture<?> timer;
    private long armedFor;

    ContentInspection(TcpStream stream, SampleContext samples) {
        this.stream = stream;
        this.analysis = new TcpContentAnalysis(samples);
    }

    /** Runs the rules on what the buffer holds now; {@code inputClosed}: the client shut its side. */
    void run(boolean inputClosed) {
        switch (analysis.analyse(inputClosed)) {
            case WAIT -> arm();
            case REJECT -> {
                cancel();
                stream.rejected();
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
        cancel();
        armedFor = deadline;
        long in = Math.max(0, deadline - System.nanoTime());
        timer = stream.clientChannel().eventLoop().schedule(() -> {
            timer = null;
            if (stream.inspecting(this)) {
                run(false);
            }
        }, in, TimeUnit.NANOSECONDS);
    }

    /** The client left: the rules' final answer, the backend they chose (null if none or rejected), nothing started. */
    org.jhaproxy.runtime.proxy.Proxy conclude() {
        cancel();
        return analysis.analyse(true) == TcpContentAnalysis.Outcome.DONE ? analysis.backend() : null;
    }

    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }
}
