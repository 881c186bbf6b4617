package org.jhaproxy.cli;

import org.jhaproxy.config.cond.BuildInfo;

/**
 * What -v and -vv print: haproxy's layout (display_version, display_build_opts), describing
 * jhaproxy: a Java program whose configuration language is HAProxy 2.6.12's. The feature list is
 * the one the .if predicates answer from, so "-vv" and "feature()" never disagree.
 */
final class VersionInfo {
    private VersionInfo() {
    }

    /** display_version(): version line, status and the system it runs on (haproxy's bug tracker is not ours to point to). */
    static String short_() {
        return "jhaproxy version " + Version.FULL + " " + Version.DATE + "\n"
                + "Status: development version, a drop-in replacement for HAProxy " + Version.HAPROXY + " written in Java.\n"
                + "Running on: " + runningOn() + "\n";
    }

    /** uname's sysname, release, version and machine, as haproxy prints them. */
    static String runningOn() {
        String arch = System.getProperty("os.arch");
        String machine = switch (arch) {
            case "amd64" -> "x86_64";
            case "x86" -> "i686";
            default -> arch;
        };
        String version = procValue("/proc/sys/kernel/version");
        return System.getProperty("os.name") + " " + System.getProperty("os.version")
                + (version != null ? " " + version : "") + " " + machine;
    }

    private static String procValue(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file)).trim();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** -vv: the version, then the build options section by section. */
    static String full() {
        return short_()
                + "Build options :\n"
                + "  TARGET  = java\n"
                + "  CPU     = " + System.getProperty("os.arch") + "\n"
                + "  CC      = javac (release 17)\n"
                + "  JVM     = " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n"
                + "\n"
                + "Feature list : " + BuildInfo.FEATURES + "\n"
                + "\n"
                + "Default settings :\n"
                + "  bufsize = 16384, maxrewrite = 1024, maxpollevents = 200\n"
                + "\n"
                + "Built with multi-threading support (MAX_THREADS=64, default=" + Runtime.getRuntime().availableProcessors() + ").\n"
                + "Configuration conditions answer as OpenSSL version : " + BuildInfo.SSL_LIBRARY + "\n"
                + "TLS is provided by the Java runtime : " + System.getProperty("java.vendor") + "\n"
                + "Configuration language : HAProxy " + Version.HAPROXY + " (checked with -c; the traffic engine is not complete)\n"
                + "The feature list is that of the HAProxy " + Version.HAPROXY + " build whose configurations jhaproxy accepts;"
                + " .if feature() answers from it.\n"
                + "\n"
                + "Available polling systems :\n"
                + "       java : pref=100,  test result OK\n"
                + "Total: 1 (1 usable), will use java.\n"
                + "\n"
                + "Available multiplexer protocols :\n"
                + "(protocols marked as <default> cannot be specified using 'proto' keyword)\n"
                + "\n"
                + "Available services : none\n"
                + "\n"
                + "Available filters : none\n"
                + "\n";
    }
}
