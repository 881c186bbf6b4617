package org.jhaproxy.config.section;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The default local peer name: the host name, as HAProxy takes it from gethostname() when
 * neither "-L" nor "localpeer" nor HAPROXY_LOCALPEER names it.
 */
public final class LocalPeer {
    private LocalPeer() {
    }

    /** The local peer's name: the global "localpeer" setting, else the host name. */
    public static String name(org.jhaproxy.config.source.ParseContext ctx) {
        var set = ctx.config().global().get("localpeer");
        return set != null ? set.args().get(0) : hostname();
    }

    public static String hostname() {
        try {
            String h = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            if (!h.isEmpty()) {
                return h;
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the JDK's view of the host name
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
