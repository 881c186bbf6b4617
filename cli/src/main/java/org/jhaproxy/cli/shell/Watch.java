package org.jhaproxy.cli.shell;

import java.io.IOException;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;

/**
 * `watch [-n SEC] COMMAND`: the command's answer redrawn every SEC seconds (2 by default, like
 * procps' watch) until a key is pressed (ctrl-c included: {@link AnyKeyStops}).
 */
final class Watch {
    private final Terminal terminal;
    private final ShellSession session;

    Watch(Terminal terminal, ShellSession session) {
        this.terminal = terminal;
        this.session = session;
    }

    void run(String args) throws IOException {
        double seconds = 2;
        String command = args;
        if (args.startsWith("-n ")) {
            String[] w = args.split("\\s+", 3);
            try {
                seconds = Double.parseDouble(w[1]);
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            command = w.length > 2 ? w[2] : "";
        }
        if (command.isEmpty() || !(seconds >= 0.1)) {
            terminal.writer().println("Usage: watch [-n <seconds, at least 0.1>] <command>");
            return;
        }
        long periodMs = (long) (seconds * 1000);
        try (AnyKeyStops keys = new AnyKeyStops(terminal)) {
            do {
                String answer;
                try {
                    answer = session.run(command);
                } catch (IOException e) {
                    answer = session.socket().describe(e) + "\n";
                }
                terminal.puts(InfoCmp.Capability.clear_screen);
                terminal.writer().print(("Every " + seconds + "s: " + command + "    "
                        + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "    (any key stops)\n\n"));
                terminal.writer().print(answer);
                terminal.flush();
            } while (!keys.pressedWithin(periodMs));
        }
        terminal.writer().println();
    }
}
