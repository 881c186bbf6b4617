package org.jhaproxy.runtime.http;

import io.netty.channel.EventLoop;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jhaproxy.runtime.proxy.Proxy;

/**
 * The hold of "http-request tarpit" (configuration.txt 4.2, http_process_tarpit()): the request
 * is held, its body drained, for the "timeout tarpit" of the proxy whose rule fired ("timeout
 * connect" when unset, at once when neither is), then the error reply of the rule's status goes
 * out. A client whose request is whole is not watched meanwhile (the H1 mux does not read it), so
 * its FIN or reset changes nothing before the end of the hold; one that ends its side while its
 * body is still incomplete ends the hold at once, and nothing is sent.
 */
final class Tarpit {
    private final Consumer<Boolean> end;
    private final ScheduledFuture<?> timer;
    private boolean over;

    /**
     * Holds the request from now; {@code end} is told once whether the reply is to be sent
     * (true at the end of the hold, false when the client gave up first).
     */
    Tarpit(EventLoop loop, Proxy rulesOwner, Consumer<Boolean> end) {
        this.end = end;
        Proxy.Timeouts t = rulesOwner.timeouts();
        long ms = t.tarpit() > 0 ? t.tarpit() : t.connect();
        this.timer = loop.schedule(() -> finish(true), ms, TimeUnit.MILLISECONDS);
    }

    /** The request was denied by a tarpit: the proxies count it as a denied request. */
    static void counted(Proxy frontend, Proxy backend) {
        frontend.frontendCounters().deniedReq.increment();
        if (backend != null) {
            backend.backendCounters().deniedReq.increment();
        }
    }

    /** The client shut its side or went away: this ends the hold only if its request was not whole. */
    void clientGone(BooleanSupplier requestWhole) {
        if (!requestWhole.getAsBoolean()) {
            timer.cancel(false);
            finish(false);
        }
    }

    private void finish(boolean reply) {
        if (!over) {
            over = true;
            end.accept(reply);
        }
    }
}
