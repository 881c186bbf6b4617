package org.jhaproxy.cli.shell;

import java.io.IOException;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp;
import org.jline.utils.NonBlockingReader;

/**
 * `watch [-n SEC] COMMAND`: the command's answer redrawn every SEC seconds (2 by default, like
 * procps' watch) until a key is pressed. ctrl-c is read as a key here rather than a signal, so it
 * ends the watch and not the shell.
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
        Attributes saved = terminal.enterRawMode();
        Attributes noSignals = new Attributes(terminal.getAttributes());
        noSignals.setLocalFlag(Attributes.LocalFlag.ISIG, false);
        terminal.setAttributes(noSignals);
        NonBlockingReader keys = terminal.reader();
        try {
            while (true) {
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
                if (keys.read(periodMs) != NonBlockingReader.READ_EXPIRED) {
                    break;
                }
            }
        } finally {
            terminal.setAttributes(saved);
        }
        terminal.writer().println();
    }
}
