package org.jhaproxy.cli;

/** What -v and -vv print: haproxy's layout, describing what jhaproxy really is and has. */
final class VersionInfo {
    private VersionInfo() {
    }

    static String short_() {
        return "jhaproxy version " + Version.FULL + " " + Version.DATE + "\n"
                + "Status: development version, a drop-in replacement for HAProxy " + Version.HAPROXY + " in Java.\n"
                + "Running on: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "\n";
    }

    static String full() {
        return short_()
                + "Build options :\n"
                + "  Java runtime: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
                + "\n"
                + "Feature list : -OPENSSL -LUA -PROMEX -QUIC\n"
                + "\n"
                + "Available services : none\n"
                + "\n"
                + "Available filters : none\n";
    }
}
