package org.jhaproxy.runtime.process;

import java.util.Set;
import java.util.function.Consumer;
import org.jhaproxy.config.model.Config;
import org.jhaproxy.config.source.KeywordModifier;
import org.jhaproxy.config.source.Line;

/**
 * The process's open-files limit (RLIMIT_NOFILE) as haproxy 2.6.12 sets it at start
 * (configuration.txt 3.1 "ulimit-n", "strict-limits"): raised to "ulimit-n", else to the
 * computed maxsock, never lowered; when the system refuses, the start stops ("strict-limits",
 * the default) or goes on at the hard limit with a warning ("no strict-limits"). Once the
 * listeners are bound, a limit under maxsock is reported, and stops the start if strict.
 */
public final class OpenFiles {
    public static final Set<String> EXECUTED = Set.of("global ulimit-n", "global strict-limits");
    /** RLIMIT_NOFILE on Linux. */
    private static final int RLIMIT_NOFILE = 7;
    /** RLIM_INFINITY as a signed 64-bit value. */
    private static final long INFINITY = -1L;

    private OpenFiles() {
    }

    /** "ulimit-n": the first line's value (haproxy refuses the others), 0 when not set. */
    public static long ulimitN(Config config) {
        for (Line l : config.globalLines()) {
            if (l.keyword().equals("ulimit-n") && l.modifier() == KeywordModifier.STD) {
                return atol(l.arg(1));
            }
        }
        return 0;
    }

    /** "strict-limits" is on unless the last line is "no strict-limits". */
    public static boolean strict(Config config) {
        boolean strict = true;
        for (Line l : config.globalLines()) {
            if (l.keyword().equals("strict-limits")) {
                strict = l.modifier() != KeywordModifier.NO;
            }
        }
        return strict;
    }

    /** {soft, hard}, an unlimited hard limit read as the soft one, as haproxy keeps them at boot. */
    public static long[] current() {
        long[] r = new long[2];
        if (LibC.INSTANCE.getrlimit(RLIMIT_NOFILE, r) != 0) {
            return new long[] {ProcessFacts.openFiles(), ProcessFacts.openFiles()};
        }
        if (r[1] == INFINITY) {
            r[1] = r[0];
        }
        return r;
    }

    /**
     * Raises the soft limit to {@code wanted} (and the hard one with it if needed); returns
     * the limit "show info" reports as Ulimit-n, or -1 when the start must stop (the alert
     * was given).
     */
    public static long raise(long wanted, boolean strict, Consumer<String> alert, Consumer<String> warning) {
        long[] now = current();
        if (wanted <= now[0]) {
            return wanted;
        }
        if (LibC.INSTANCE.setrlimit(RLIMIT_NOFILE, new long[] {wanted, Math.max(now[1], wanted)}) == 0) {
            return wanted;
        }
        if (strict) {
            alert.accept(String.format("[%s.main()] Cannot raise FD limit to %d, limit is %d.", argv0(), wanted, current()[0]));
            return -1;
        }
        // at least up to the hard limit
        LibC.INSTANCE.setrlimit(RLIMIT_NOFILE, new long[] {now[1], now[1]});
        long got = current()[0];
        warning.accept(String.format("[%s.main()] Cannot raise FD limit to %d, limit is %d.", argv0(), wanted, got));
        return got;
    }

    /**
     * After the bind: a soft limit under maxsock is reported (haproxy's "check ulimits");
     * false when it stops the start ("strict-limits").
     */
    public static boolean enoughFor(int maxconn, long maxsock, boolean strict, Consumer<String> alert) {
        long soft = current()[0];
        if (soft >= maxsock) {
            return true;
        }
        alert.accept(String.format("[%s.main()] FD limit (%d) too low for maxconn=%d/maxsock=%d. "
                + "Please raise 'ulimit-n' to %d or more to avoid any trouble.", argv0(), soft, maxconn, maxsock, maxsock));
        return !strict;
    }

    /** The program's name as it was started, which haproxy's messages print (argv[0]). */
    private static String argv0() {
        return System.getProperty("jhaproxy.exe", "jhaproxy");
    }

    private static long atol(String t) {
        String s = t.trim();
        int end = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        try {
            return Long.parseLong(s.substring(0, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
