package org.jhaproxy.runtime.process;

import java.time.ZoneId;
import java.util.TimeZone;
import org.jhaproxy.config.diag.Diagnostics;

/**
 * "chroot" (configuration.txt 3.1): once its listeners (and the stats socket's path) are
 * bound, haproxy changes its root to the directory and its working directory to "/". A JVM
 * reads some files lazily, the first time they are needed; those are read here before the
 * root changes, so that log dates, "show info", "show env" and the checks keep working inside
 * an empty directory, as haproxy's do.
 */
public final class Chroot {
    private Chroot() {
    }

    /**
     * Changes the root; on failure reports haproxy's alert ({@code program} standing for its
     * argv[0]) and returns false: the caller unbinds and exits 1.
     */
    public static boolean enter(String dir, String program, Diagnostics diag) {
        loadLazyFiles();
        LibC libc = LibC.INSTANCE;
        if (libc.chroot(dir) == -1 || libc.chdir("/") == -1) {
            diag.alert("[" + program + ".main()] Cannot chroot(" + dir + ").");
            return false;
        }
        return true;
    }

    /** What the JVM and the runtime would otherwise read from the file system later on. */
    private static void loadLazyFiles() {
        // the time zone rules (/etc/localtime, the JDK's tzdb.dat): the log dates
        ZoneId.systemDefault().getRules();
        TimeZone.getDefault();
        // the JDK logging configuration (conf/logging.properties) Netty reports through
        java.util.logging.LogManager.getLogManager();
        // host name, environment and limits, from /proc
        ProcessFacts.load();
        // every class path entry opened: classes not loaded yet are read from open jars
        ClassLoader.getSystemClassLoader().getResource("org/jhaproxy/none");
    }
}
