package org.jhaproxy.runtime.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.source.Line;
import org.jhaproxy.runtime.Engine;
import org.jhaproxy.runtime.Transport;

/**
 * The process's stats sockets (haproxy's GLOBAL proxy and its CLI listeners): started with the
 * engine, closed with it. Counts its connections, which haproxy counts in "show info" as any
 * other (CurrConns, CumConns, Jobs).
 */
public final class StatsSockets {
    /** The keywords this package executes, listed in RuntimeSupport.FEATURES. */
    public static final Set<String> EXECUTED = Set.of("global stats socket", "global stats timeout", "global stats maxconn");
    /** "stats maxconn" when not set: 10 connections at once. */
    private static final int DEFAULT_MAXCONN = 10;
    /** "stats timeout" when not set: 10 seconds. */
    private static final long DEFAULT_TIMEOUT_MS = 10_000;

    private final Engine engine;
    private final CliKeywords keywords;
    private final long timeoutMs;
    private final int maxconn;
    private final ScheduledExecutorService timers;
    private final List<StatsSocket> sockets = new ArrayList<>();
    private final AtomicInteger current = new AtomicInteger();
    private final AtomicLong cumulated = new AtomicLong();
    private final java.util.concurrent.atomic.LongAdder bytesOut = new java.util.concurrent.atomic.LongAdder();

    private StatsSockets(Engine engine, CliKeywords keywords, long timeoutMs, int maxconn, ScheduledExecutorService timers) {
        this.engine = engine;
        this.keywords = keywords;
        this.timeoutMs = timeoutMs;
        this.maxconn = maxconn;
        this.timers = timers;
    }

    /** Binds every "stats socket" line; a failure closes those already bound and is reported by the caller. */
    public static StatsSockets start(Engine engine, Transport transport,
            org.jhaproxy.runtime.listener.TransferredSockets transferred) throws StatsSocket.StartFailure {
        Config config = engine.config();
        StatsSockets group = new StatsSockets(engine, CliKeywords.standard(), timeout(config), maxconn(config),
                transport.group());
        for (Line l : config.globalLines()) {
            if (l.keyword().equals("stats") && l.arg(1).equals("socket")) {
                try {
                    group.sockets.add(StatsSocket.start(group, transport, l, StatsSocket.settings(l), transferred));
                } catch (StatsSocket.StartFailure f) {
                    group.close();
                    throw f;
                }
            }
        }
        return group;
    }

    /** Starts accepting on every socket, once the whole process is bound (they are bound idle). */
    public void open() {
        sockets.forEach(s -> s.accepting(true));
    }

    /** The last "stats timeout", else 10s. */
    private static long timeout(Config config) {
        long t = DEFAULT_TIMEOUT_MS;
        for (Line l : config.globalLines()) {
            if (l.keyword().equals("stats") && l.arg(1).equals("timeout")) {
                t = StatsSocket.timeMs(l.arg(2), org.jhaproxy.config.proxy.TimeValue.Unit.MS);
            }
        }
        return t;
    }

    /**
     * The descriptors haproxy counts for the CLI before any connection: one per stats socket,
     * and the CLI frontend's "stats maxconn" once there is one.
     */
    public static int reservedSockets(Config config) {
        int n = 0;
        for (Line l : config.globalLines()) {
            if (l.keyword().equals("stats") && l.arg(1).equals("socket")) {
                n++;
            }
        }
        return n == 0 ? 0 : n + maxconn(config);
    }

    /** The last "stats maxconn", else 10: the CLI frontend's maxconn, shared by all its sockets. */
    private static int maxconn(Config config) {
        int n = DEFAULT_MAXCONN;
        for (Line l : config.globalLines()) {
            if (l.keyword().equals("stats") && l.arg(1).equals("maxconn")) {
                n = Integer.parseInt(l.arg(2));
            }
        }
        return n;
    }

    CliSession session(CliLevel level, boolean exposeFd) {
        return new CliSession(engine, this, level, timeoutMs, exposeFd);
    }

    /** The descriptors of the stats sockets, which "_getsocks" hands over with the listeners. */
    public java.util.List<Integer> exportedFds() {
        List<Integer> out = new ArrayList<>();
        for (StatsSocket s : sockets) {
            if (s.exportedFd() >= 0) {
                out.add(s.exportedFd());
            }
        }
        return out;
    }

    /**
     * Where the commands' delayed work runs: the warm-up of a server leaving maintenance with
     * "slowstart" (haproxy's server_warmup task).
     */
    public ScheduledExecutorService timers() {
        return timers;
    }

    public CliKeywords keywords() {
        return keywords;
    }

    /** How many sockets listen: haproxy counts them in "Listeners". */
    public int listeners() {
        return sockets.size();
    }

    /** Whether a stats socket is a UNIX one (haproxy stops those after the TCP listeners). */
    public boolean anyUnix() {
        return sockets.stream().anyMatch(StatsSocket::isUnix);
    }

    /** CLI connections open now. */
    public int currentConns() {
        return current.get();
    }

    public long cumulatedConns() {
        return cumulated.get();
    }

    /** Bytes the CLI sessions sent (part of "show info" TotalBytesOut). */
    public long bytesOut() {
        return bytesOut.sum();
    }

    void sent(int bytes) {
        bytesOut.add(bytes);
    }

    /**
     * A connection was accepted (on the socket's event loop, before the next accept): at the
     * limit the sockets stop accepting, and new connections wait in the kernel's queue, as a
     * full haproxy listener leaves them.
     */
    void accepted() {
        cumulated.incrementAndGet();
        if (current.incrementAndGet() >= maxconn) {
            sockets.forEach(s -> s.accepting(false));
        }
    }

    void closed() {
        if (current.decrementAndGet() < maxconn) {
            sockets.forEach(s -> s.accepting(true));
        }
    }

    public void close() {
        sockets.forEach(StatsSocket::close);
    }
}
