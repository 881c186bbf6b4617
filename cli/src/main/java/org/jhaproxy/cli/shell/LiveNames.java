package org.jhaproxy.cli.shell;

import java.io.IOException;

/**
 * The proxy and server names of the running process, read with `show stat` (and its maps and ACLs,
 * with `show map` and `show acl`) when completion needs them and kept for a moment: a TAB pressed twice asks once, and a server added with `add server`
 * shows up at the next completion after that.
 */
final class LiveNames {
    private static final long FRESH_NANOS = 2_000_000_000L;
    private final CliSocket socket;
    private ProxyNames names = ProxyNames.NONE;
    private long readAt;

    LiveNames(CliSocket socket) {
        this.socket = socket;
    }

    synchronized ProxyNames get() {
        if (readAt == 0 || System.nanoTime() - readAt > FRESH_NANOS) {
            try {
                names = ProxyNames.fromStat(socket.send("show stat"))
                        .withPatterns(socket.send("show map"), socket.send("show acl"));
            } catch (IOException e) {
                // no names to offer while the socket is away; commands still complete
                names = ProxyNames.NONE;
            }
            readAt = System.nanoTime();
        }
        return names;
    }

    /** After a command that may add, remove or rename something. */
    synchronized void forget() {
        readAt = 0;
    }
}
