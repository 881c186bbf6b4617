package org.jhaproxy.cli.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/** The shell on a terminal: JLine's line editing, completion and history around a {@link ShellSession}. */
final class InteractiveShell {
    private final ShellSession session;
    private final PrintStream err;

    InteractiveShell(ShellSession session, PrintStream err) {
        this.session = session;
        this.err = err;
    }

    int run() throws IOException {
        // the first exchange tells an unreachable socket before any terminal is set up
        session.connect();
        try (Terminal terminal = TerminalBuilder.builder().system(true).name("jhaproxy").build()) {
            DefaultParser parser = new DefaultParser();
            // haproxy's CLI has neither quotes nor JLine's escapes: a line is sent as typed
            parser.setQuoteChars(new char[0]);
            parser.setEscapeChars(new char[0]);
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("jhaproxy")
                    .parser(parser)
                    .completer(new ShellCompleter(session))
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), ".jhaproxy_history"))
                    .variable(LineReader.HISTORY_SIZE, 1000)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.HISTORY_IGNORE_SPACE, false)
                    .build();
            terminal.writer().println("jhaproxy shell on " + session.socket().target()
                    + ": TAB completes, 'help' lists the commands, ctrl-d leaves.");
            String prompt = session.socket().target() + "> ";
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt).trim();
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (line.equals("exit") || line.equals("quit")) {
                    break;
                }
                if (!line.isEmpty()) {
                    execute(terminal, line);
                }
            }
            reader.getHistory().save();
        }
        return 0;
    }

    private void execute(Terminal terminal, String line) {
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> session.socket().abort());
        try {
            if (line.equals("watch") || line.startsWith("watch ")) {
                new Watch(terminal, session).run(line.substring(5).trim());
            } else if (FollowEvents.applies(line)) {
                new FollowEvents(terminal, session).run(line);
            } else {
                print(terminal, session.run(line));
            }
        } catch (IOException e) {
            terminal.writer().println(new AttributedString(session.socket().describe(e),
                    AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)).toAnsi(terminal));
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
        terminal.flush();
    }

    /** An answer as haproxy wrote it; one that refuses the command is shown in red. */
    static void print(Terminal terminal, String answer) {
        boolean refused = answer.startsWith("Unknown command") || answer.startsWith("Permission denied");
        String text = answer.endsWith("\n") || answer.isEmpty() ? answer : answer + "\n";
        if (refused) {
            terminal.writer().print(new AttributedString(text,
                    AttributedStyle.DEFAULT.foreground(AttributedStyle.RED)).toAnsi(terminal));
        } else {
            terminal.writer().print(text);
        }
        terminal.flush();
    }
}
