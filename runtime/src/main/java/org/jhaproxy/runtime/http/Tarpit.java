package org.jhaproxy.runtime.http;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * The hold of "http-request tarpit" (configuration.txt 4.2, http_process_tarpit()): the request
 * is held, its body drained, for the "timeout tarpit" of the proxy whose rule fired ("timeout
 * connect" when unset, at once when neither is), then the error reply of the rule's status goes
 * out as the HTTP layer's own replies do. A client whose request is whole is not watched
 * meanwhile (the H1 mux does not read it), so its FIN or reset changes nothing before the end of
 * the hold; one that ends its side while its body is incomplete ends the hold at once, and
 * nothing is sent. Either way the log shows "PT", no request time and the hold as Tw.
 */
final class Tarpit {
    private final HttpStream stream;
    private final TransactionLog log;
    private final int status;
    private final IntConsumer reply;
    private final Runnable streamEnded;
    private final ScheduledFuture<?> timer;
    private boolean over;

    /**
     * Holds the request of {@code stream} from now: at the end {@code reply} sends the error
     * reply of {@code status} and ends the transaction; {@code streamEnded} logs a silent end.
     * {@code backend} is the backend whose rules fired, null for the frontend's.
     */
    Tarpit(HttpStream stream, Proxy backend, TransactionLog log, int status, IntConsumer reply, Runnable streamEnded) {
        this.stream = stream;
        this.log = log;
        this.status = status;
        this.reply = reply;
        this.streamEnded = streamEnded;
        // the request counts as denied when the tarpit starts
        stream.frontend().frontendCounters().deniedReq.increment();
        if (backend != null) {
            backend.backendCounters().deniedReq.increment();
        }
        Proxy.Timeouts t = (backend != null ? backend : stream.frontend()).timeouts();
        long ms = t.tarpit() > 0 ? t.tarpit() : t.connect();
        this.timer = stream.client().eventLoop().schedule(() -> finish(true), ms, TimeUnit.MILLISECONDS);
    }

    /** The client shut its side or went away: this ends the hold only if its request was not whole. */
    void clientGone(BooleanSupplier requestWhole) {
        if (!requestWhole.getAsBoolean()) {
            timer.cancel(false);
            finish(false);
        }
    }

    private void finish(boolean send) {
        if (over) {
            return;
        }
        over = true;
        log.tarpitEnded();
        if (send) {
            reply.accept(status);
        } else {
            log.status(status);
            streamEnded.run();
            stream.transactionEnded(false);
        }
    }
}
