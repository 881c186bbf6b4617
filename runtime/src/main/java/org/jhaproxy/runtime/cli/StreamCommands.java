package org.jhaproxy.runtime.cli;

import java.util.List;
import org.jhaproxy.runtime.stream.LiveStream;

/**
 * The commands that end streams (stream.c): "shutdown session &lt;id&gt;" and "shutdown
 * sessions server &lt;b&gt;/&lt;s&gt;". Both answer at once; the streams end on their own
 * event loops right after, as killed ("K" in the log), as haproxy's stream_shutdown() does.
 */
final class StreamCommands {
    private StreamCommands() {
    }

    static List<CliCommand> all() {
        return List.of(
                new ShowSess(),
                CliCommand.of("shutdown session", StreamCommands::shutdownSession),
                CliCommand.of("shutdown sessions server", StreamCommands::shutdownServer));
    }

    private static String shutdownSession(CliRequest r) {
        if (!r.requires(CliLevel.ADMIN)) {
            return CliRequest.PERMISSION_DENIED;
        }
        long ptr = Strtol.unsignedPrefix(r.arg(2));
        if (ptr == 0) {
            return "Session pointer expected (use 'show sess').\n";
        }
        LiveStream s = r.engine().streams().byPointer(ptr);
        if (s == null) {
            return "No such session (use 'show sess').\n";
        }
        s.kill();
        return "";
    }

    /** srv_shutdown_streams(): every stream on the server. */
    private static String shutdownServer(CliRequest r) {
        if (!r.requires(CliLevel.ADMIN)) {
            return CliRequest.PERMISSION_DENIED;
        }
        ServerLookup l = ServerLookup.toChange(r, r.arg(3));
        if (l.server() == null) {
            return l.error();
        }
        r.engine().streams().on(l.server()).forEach(LiveStream::kill);
        return "";
    }
}
