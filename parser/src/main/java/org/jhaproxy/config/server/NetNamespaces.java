package org.jhaproxy.config.server;

import java.nio.file.Files;
import java.nio.file.Path;

/** Linux network namespaces as HAProxy opens them by name (namespace.c): /var/run/netns/&lt;name&gt;. */
final class NetNamespaces {
    private NetNamespaces() {
    }

    static boolean exists(String name) {
        return !name.contains("/") && Files.exists(Path.of("/var/run/netns", name));
    }
}
