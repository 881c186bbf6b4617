package org.jhaproxy.runtime.process;

import sun.misc.Signal;

/**
 * kill(2) to another process, as haproxy's tell_old_pids() sends SIGUSR1 or SIGTERM to the
 * processes of -sf/-st: a system call, so that it still works after a "chroot" where no kill
 * program can be run.
 */
public final class Signals {
    private Signals() {
    }

    /** Sends the signal named as sun.misc.Signal names it ("USR1", "TERM"); a gone process is skipped. */
    public static void send(long pid, String name) {
        LibC.INSTANCE.kill((int) pid, new Signal(name).getNumber());
    }

    /** The signal's number ("TERM": 15). */
    public static int number(String name) {
        return new Signal(name).getNumber();
    }

    /** The C library's description of a signal ("Terminated" for 15), which haproxy's messages quote. */
    public static String describe(int sig) {
        String d = LibC.INSTANCE.strsignal(sig);
        return d != null ? d : "Unknown signal " + sig;
    }
}
