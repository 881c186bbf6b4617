package org.jhaproxy.runtime.log;

/** The host's name (%H, "log-send-hostname" without a value), read once. */
final class Hostname {
    private static volatile String name;

    private Hostname() {
    }

    static String get() {
        String n = name;
        if (n == null) {
            n = org.jhaproxy.runtime.process.ProcessFacts.hostname();
            if (n == null) {
                n = "localhost";
            }
            name = n;
        }
        return n;
    }
}
