package org.jhaproxy.runtime.sample;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The host's interface addresses, for the *_is_local fetches: listing them means system calls
 * and, for IPv6, reading /proc, which must not happen on an event loop for each request. The
 * set is read once when first needed, then refreshed every few seconds by a daemon thread, so an
 * address added to an interface is seen shortly after.
 */
final class LocalAddresses {
    private static volatile Set<InetAddress> current;
    private static ScheduledExecutorService refresher;

    private LocalAddresses() {
    }

    static boolean contains(InetAddress ip) {
        Set<InetAddress> s = current;
        if (s == null) {
            s = start();
        }
        return s.contains(ip);
    }

    private static synchronized Set<InetAddress> start() {
        if (current == null) {
            current = read();
            refresher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "jhaproxy-local-addresses");
                t.setDaemon(true);
                return t;
            });
            refresher.scheduleWithFixedDelay(() -> current = read(), 5, 5, TimeUnit.SECONDS);
        }
        return current;
    }

    private static Set<InetAddress> read() {
        Set<InetAddress> out = new HashSet<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                out.addAll(Collections.list(ni.getInetAddresses()));
            }
        } catch (SocketException e) {
            // no interface list: only the loopback and wildcard tests answer
        }
        return Set.copyOf(out);
    }
}
