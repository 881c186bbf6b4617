package org.jhaproxy.cli.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.jline.terminal.Terminal;

/**
 * "show events RING -w" (also "-nw", "-wn"): the process keeps the command going and sends each
 * new event as it is written ("Any key to stop", says its list of sinks). The shell prints the
 * events as they come and, at the first key (ctrl-c included), shuts its side of the connection,
 * which ends the command on haproxy as on jhaproxy.
 */
final class FollowEvents {
    private final Terminal terminal;
    private final ShellSession session;

    FollowEvents(Terminal terminal, ShellSession session) {
        this.terminal = terminal;
        this.session = session;
    }

    /** Whether the line asks for a ring's events in wait mode. */
    static boolean applies(String line) {
        List<String> w = List.of(line.trim().split("\\s+"));
        if (w.size() < 4 || !w.get(0).equals("show") || !w.get(1).equals("events")) {
            return false;
        }
        return w.subList(3, w.size()).stream().anyMatch(a -> a.equals("-w") || a.equals("-nw") || a.equals("-wn"));
    }

    void run(String line) throws IOException {
        try (AnyKeyStops keys = new AnyKeyStops(terminal)) {
            session.socket().follow(line, piece -> {
                terminal.writer().print(piece);
                terminal.flush();
            }, () -> {
                try {
                    return keys.pressedWithin(1);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
