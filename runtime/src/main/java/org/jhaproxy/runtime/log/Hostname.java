package org.jhaproxy.runtime.log;

/** The host's name (%H, "log-send-hostname" without a value), read once. */
final class Hostname {
    private static volatile String name;

    private Hostname() {
    }

    static String get() {
        String n = name;
        if (n == null) {
            try {
                n = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/sys/kernel/hostname")).trim();
            } catch (java.io.IOException e) {
                n = "localhost";
            }
            name = n;
        }
        return n;
    }
}
