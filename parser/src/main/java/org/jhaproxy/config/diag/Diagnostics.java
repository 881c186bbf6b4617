package org.jhaproxy.config.diag;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints messages exactly as HAProxy's ha_alert()/ha_warning()/ha_notice() do while it starts:
 * {@code [ALERT]    (pid) : config : <message>} on stderr, preceded once, before the first alert
 * or warning, by the two NOTICE lines naming the version and the executable. In quiet mode
 * (-q) nothing is printed, as with haproxy. Every message is also kept, for tests and for the
 * final verdict ({@link #warned()}).
 */
public final class Diagnostics {

    public enum Level {
        ALERT, WARNING, NOTICE, DIAG;

        String label() {
            return this == DIAG ? "DIAG" : name();
        }
    }

    public record Message(Level level, String text) {
    }

    private final PrintStream out;
    private final long pid;
    private final String version;
    private final String executable;
    private final List<Message> messages = new ArrayList<>();
    private boolean quiet;
    private boolean verbose;
    private boolean diagMode;
    private boolean bannerShown;
    private boolean warned;
    private String context = "config";

    public Diagnostics(PrintStream out, long pid, String version, String executable) {
        this.out = out;
        this.pid = pid;
        this.version = version;
        this.executable = executable;
    }

    /** A collector that prints nothing: for tests and for tools that only want the messages. */
    public static Diagnostics silent() {
        Diagnostics d = new Diagnostics(null, 0, "", null);
        d.quiet = true;
        return d;
    }

    public Diagnostics quiet(boolean quiet) {
        this.quiet = quiet;
        return this;
    }

    /** -V: messages are shown even when quiet mode was asked for (MODE_VERBOSE). */
    public Diagnostics verbose(boolean verbose) {
        this.verbose = verbose;
        return this;
    }

    /** Whether startup messages are hidden: -q or the global "quiet", unless -V. */
    public boolean quiet() {
        return quiet && !verbose;
    }

    public Diagnostics diagMode(boolean diagMode) {
        this.diagMode = diagMode;
        return this;
    }

    public boolean diagMode() {
        return diagMode;
    }

    /** The context word HAProxy puts after the pid ("config" while loading); null for none. */
    public void context(String context) {
        this.context = context;
    }

    public void alert(String text) {
        banner();
        emit(Level.ALERT, text);
    }

    public void warning(String text) {
        warned = true;
        banner();
        emit(Level.WARNING, text);
    }

    /**
     * A warning of the running process (soft-stop reports, SIGHUP dumps): haproxy prints those
     * without the version banner of the start-up messages.
     */
    public void runtimeWarning(String text) {
        emit(Level.WARNING, text);
    }

    /**
     * An alert of the running process ("backend 'b' has no server available!"): without the
     * banner, which haproxy prints only with the messages of the start-up (MODE_STARTING).
     */
    public void runtimeAlert(String text) {
        emit(Level.ALERT, text);
    }

    public void notice(String text) {
        emit(Level.NOTICE, text);
    }

    /** A diagnostic warning: only shown with -dD, like ha_diag_warning(). */
    public void diag(String text) {
        if (diagMode) {
            emit(Level.DIAG, text);
        }
    }

    /** True once any warning was issued: `-c` then prints "Warnings were found.". */
    public boolean warned() {
        return warned;
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    private void banner() {
        if (bannerShown) {
            return;
        }
        bannerShown = true;
        print(Level.NOTICE, null, "jhaproxy version is " + version);
        if (executable != null) {
            print(Level.NOTICE, null, "path to executable is " + executable);
        }
    }

    private void emit(Level level, String text) {
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        messages.add(new Message(level, text));
        print(level, context, text);
    }

    private void print(Level level, String ctx, String text) {
        if (quiet() || out == null) {
            return;
        }
        String prefix = String.format("%-10s", "[" + level.label() + "]");
        StringBuilder sb = new StringBuilder(prefix.length() + text.length() + 32);
        sb.append(prefix).append(" (").append(pid).append(") : ");
        if (ctx != null) {
            sb.append(ctx).append(" : ");
        }
        sb.append(text).append('\n');
        out.print(sb);
        out.flush();
    }
}
