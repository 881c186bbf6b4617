package org.jhaproxy.regtests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for the programs under test to listen on, taken outside the kernel's ephemeral
 * range (net.ipv4.ip_local_port_range). A port the kernel picked for a bind(0) is free only until
 * an outgoing connection (a client of the test, a health check, a connection to a server) is given
 * the same number as its source port, and then the proxy's bind fails with EADDRINUSE. Outside the
 * range no connect() ever takes one. Ports are handed out once per JVM, walking up from a random
 * point so that two runs side by side rarely meet, and each is checked free with a bind.
 */
public final class LoopbackPorts {
    private static final int[] RANGE = range();
    private static int next = RANGE[0] + ThreadLocalRandom.current().nextInt(RANGE[1] - RANGE[0]);

    private LoopbackPorts() {
    }

    /** A port nothing listens on now, never handed out before in this JVM. */
    public static synchronized int free() throws IOException {
        return free(1);
    }

    /**
     * The first of {@code n} consecutive free ports (for "bind addr:p-q"), the whole block never
     * handed out before in this JVM.
     */
    public static synchronized int free(int n) throws IOException {
        int span = RANGE[1] - RANGE[0] + 1;
        for (int tried = 0; tried < span; tried++) {
            int first = advance(n);
            if (allFree(first, n)) {
                return first;
            }
        }
        throw new IOException("no " + n + " free loopback port(s) left in " + RANGE[0] + "-" + RANGE[1]);
    }

    /** {@code n} distinct free ports, not necessarily consecutive. */
    public static synchronized int[] distinct(int n) throws IOException {
        int[] ports = new int[n];
        for (int i = 0; i < n; i++) {
            ports[i] = free(1);
        }
        return ports;
    }

    private static int advance(int n) {
        if (next + n - 1 > RANGE[1]) {
            next = RANGE[0];
        }
        int first = next;
        next += n;
        return first;
    }

    private static boolean allFree(int first, int n) {
        for (int p = first; p < first + n; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                // bound: free
            } catch (IOException busy) {
                return false;
            }
        }
        return true;
    }

    /** The ports below the ephemeral range, or above it when there is little room below. */
    private static int[] range() {
        int low = 32768;
        int high = 60999;
        try {
            String[] r = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            low = Integer.parseInt(r[0]);
            high = Integer.parseInt(r[1]);
        } catch (IOException | RuntimeException notLinux) {
            // keep Linux's default range
        }
        if (low - 1 - 10000 >= 2000) {
            return new int[] {10000, low - 1};
        }
        if (65535 - high - 1 >= 2000) {
            return new int[] {high + 1, 65535};
        }
        return new int[] {1024, 65535};
    }
}
