package org.jhaproxy.runtime.listener;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jhaproxy.config.model.Config;

/**
 * The process-wide connection limit: haproxy's actconn against global "maxconn", and the
 * listeners held back (LIMITED or FULL) that a released connection may resume, as haproxy's
 * listener_release() dequeues its waiting listeners.
 */
public final class GlobalMaxconn {
    /** haproxy's DEFAULT_MAXCONN, the floor of the computed value. */
    private static final int DEFAULT_MAXCONN = 100;
    /** global.maxsock before any listener: the descriptors haproxy reserves for itself. */
    private static final int RESERVED_SOCKETS = 10;

    private final int hardMaxconn;
    /** global.maxsock: the descriptors the process may need (listeners, checks, CLI, two per connection, pollers). */
    private long maxsock;
    /** global.rlimit_nofile: "ulimit-n", else maxsock, else the limit the system allowed ("show info" Ulimit-n). */
    private volatile long ulimitN;
    private volatile int maxconn;
    private final AtomicInteger actconn = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final GlobalRateLimits rates = new GlobalRateLimits();

    public GlobalMaxconn(int maxconn) {
        this.maxconn = maxconn;
        this.hardMaxconn = maxconn;
    }

    /**
     * Global "maxconn", else what haproxy 2.6 computes from the descriptor limit when it is not
     * set (compute_ideal_maxconn(), no SSL, no splicing): two descriptors per connection out of
     * what the pollers and the {@code sockets} haproxy counts before any connection leave (its
     * 10 reserved, one per listener, per health or agent check, per stats socket, and the stats
     * sockets' "stats maxconn"), never under 100. maxsock follows (compute_ideal_maxsock()).
     */
    public static GlobalMaxconn of(Config config, int sockets, int threads) {
        long set = config.globalNumber("maxconn", 0);
        long base = RESERVED_SOCKETS + sockets;
        int maxconn;
        if (set > 0) {
            maxconn = (int) Math.min(Integer.MAX_VALUE, set);
        } else {
            long remain = openFilesLimit() - base - 3L * threads;
            maxconn = (int) Math.max(DEFAULT_MAXCONN, Math.min(Integer.MAX_VALUE, remain / 2));
        }
        GlobalMaxconn g = new GlobalMaxconn(maxconn);
        g.maxsock = base + 2L * maxconn + 3L * threads;
        g.ulimitN = g.maxsock;
        return g;
    }

    /** global.maxsock ("show info" Maxsock). */
    public long maxsock() {
        return maxsock;
    }

    /** The open-files limit set at start ("show info" Ulimit-n). */
    public long ulimitN() {
        return ulimitN;
    }

    public void ulimitN(long n) {
        this.ulimitN = n;
    }

    /** The larger of the soft and hard "Max open files" limits, as haproxy reads them at boot. */
    private static long openFilesLimit() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (l.startsWith("Max open files")) {
                    String[] w = l.substring("Max open files".length()).trim().split("\\s+");
                    long soft = w[0].equals("unlimited") ? Integer.MAX_VALUE : Long.parseLong(w[0]);
                    long hard = w[1].equals("unlimited") ? Integer.MAX_VALUE : Long.parseLong(w[1]);
                    return Math.max(soft, hard);
                }
            }
        } catch (Exception e) {
            // not Linux: haproxy's floor
        }
        return 2L * DEFAULT_MAXCONN + RESERVED_SOCKETS;
    }

    public int maxconn() {
        return maxconn;
    }

    /** The limit set at start (global.hardmaxconn): "set maxconn global" cannot go above it. */
    public int hardMaxconn() {
        return hardMaxconn;
    }

    /** "set maxconn global": the new limit, the listeners held back by the old one may accept again. */
    public void maxconn(int m) {
        this.maxconn = m;
        for (Listener l : listeners) {
            l.resumeIfAllowed();
        }
    }

    /** The connection and session rates and their limits. */
    public GlobalRateLimits rates() {
        return rates;
    }

    /**
     * "set rate-limit": the listeners held back may look again (dequeue_all_listeners()); a
     * lower limit holds them at their next accept.
     */
    public void ratesChanged() {
        for (Listener l : listeners) {
            l.resumeIfAllowed();
        }
    }

    /** Connections currently accepted by the process. */
    public int actconn() {
        return actconn.get();
    }

    boolean allowsMore() {
        return actconn.get() < maxconn && rates.allowsMore();
    }

    void register(Listener l) {
        listeners.add(l);
    }

    void taken() {
        actconn.incrementAndGet();
        rates.accepted();
    }

    /** A connection ended: the listeners held back get a chance to accept again. */
    void released() {
        actconn.decrementAndGet();
        if (waiting.get() > 0) {
            for (Listener l : listeners) {
                l.resumeIfAllowed();
            }
        }
    }

    void waiting(int delta) {
        waiting.addAndGet(delta);
    }
}
