package org.jhaproxy.runtime.cli;

import java.util.List;
import org.jhaproxy.runtime.Engine;

/**
 * A parsed command line as a command sees it: the words (unescaped, haproxy's args[]), the
 * payload after "<<" if any, the session it came on and the running engine.
 */
public final class CliRequest {
    private final List<String> args;
    private final String payload;
    private final CliSession session;

    CliRequest(List<String> args, String payload, CliSession session) {
        this.args = args;
        this.payload = payload;
        this.session = session;
    }

    /** Word {@code i}, or "" past the end as haproxy's args[] points at an empty string. */
    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    public List<String> args() {
        return args;
    }

    /** The lines after "<<" up to the empty line, or null. */
    public String payload() {
        return payload;
    }

    public CliSession session() {
        return session;
    }

    public Engine engine() {
        return session.engine();
    }

    /** cli_has_level(): whether the session may do this; when not, the command answers {@link #PERMISSION_DENIED}. */
    public boolean requires(CliLevel level) {
        return session.level().allows(level);
    }

    /**
     * This answer is the whole response: haproxy 2.6.12 sends no empty line after it (nor
     * before the next prompt), as it does for "add server" and "del server" past the level check.
     */
    public void endsAnswer() {
        session.answerEnded();
    }

    /** haproxy's answer to a command above the session's level. */
    public static final String PERMISSION_DENIED = "Permission denied\n";
}
