package org.jhaproxy.cli.shell;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the shell does with a command line, the terminal aside: `help` from the socket's own help
 * text, `show stat` as a table, every other line sent to the socket as typed and its answer shown
 * as haproxy wrote it. Each line is one connection (see {@link CliSocket}); the commands that
 * change the CLI session itself ("user", "operator", "set severity-output") are remembered and
 * sent again, ';'-separated, in front of every later line, so they last as they would on one
 * interactive connection.
 */
final class ShellSession {
    private final CliSocket socket;
    private final LiveNames names;
    private final List<String> sessionCommands = new ArrayList<>();
    private CommandTree commands = CommandTree.fromHelp("");

    ShellSession(CliSocket socket) {
        this.socket = socket;
        this.names = new LiveNames(socket);
    }

    CliSocket socket() {
        return socket;
    }

    /** Reads the socket's `help`: the first contact, so an unreachable socket fails here. */
    void connect() throws IOException {
        commands = CommandTree.fromHelp(send("help"));
    }

    CommandTree commands() {
        return commands;
    }

    ProxyNames names() {
        return names.get();
    }

    /** The text to show for one command line (already trimmed, not empty). */
    String run(String line) throws IOException {
        List<String> words = Arrays.asList(line.split("\\s+"));
        String first = words.get(0);
        if (first.equals("help")) {
            return help(words.subList(1, words.size()));
        }
        if (first.equals("prompt")) {
            return "The shell sends each command on its own connection: haproxy's prompt mode is not needed.\n";
        }
        if (line.equals("user") || line.equals("operator") || line.startsWith("set severity-output ")) {
            String answer = send(line);
            if (answer.isBlank()) {
                sessionCommands.add(line);
                connect(); // a lower level has fewer commands to complete
            }
            return answer;
        }
        if (words.size() >= 2 && first.equals("show") && words.get(1).equals("stat")) {
            return showStat(words.subList(2, words.size()));
        }
        if (!first.equals("show") && !first.equals("get")) {
            names.forget();
        }
        return send(line);
    }

    private String showStat(List<String> options) throws IOException {
        boolean raw = options.contains("--raw");
        boolean all = options.contains("--all");
        List<String> rest = new ArrayList<>(options);
        rest.removeAll(List.of("--raw", "--all"));
        String answer = send(String.join(" ", List.of("show", "stat")) + (rest.isEmpty() ? "" : " " + String.join(" ", rest)));
        // "typed", "json" and "desc" are other formats: shown as they are
        boolean csv = rest.stream().allMatch(o -> o.equals("up") || o.equals("no-maint") || o.matches("-?\\d+"));
        if (raw || !csv) {
            return answer;
        }
        String table = StatTable.render(answer, all);
        return table != null ? table : answer;
    }

    private String help(List<String> words) throws IOException {
        if (words.isEmpty()) {
            return send("help") + SHELL_HELP;
        }
        StringBuilder sb = new StringBuilder();
        for (CommandHelp c : commands.commands()) {
            if (!c.line().isEmpty() && c.matches(words)) {
                sb.append(c.line()).append('\n');
            }
        }
        for (String l : SHELL_HELP.split("\n")) {
            if (l.startsWith("  ") && CommandHelp.of(l.substring(2, l.indexOf(':')), l).matches(words)) {
                sb.append(l).append('\n');
            }
        }
        if (sb.length() == 0) {
            return "No command starts with '" + String.join(" ", words) + "'; 'help' lists them all.\n";
        }
        return sb.toString();
    }

    private static final String SHELL_HELP = """
            The shell adds:
              show stat [--all|--raw]                 : show stat as a table (--all: every column, --raw: haproxy's CSV)
              watch [-n <sec>] <command>              : run a command every <sec> seconds (2) until a key is pressed
              exit                                    : leave the shell (also quit, ctrl-d)
            """;

    /** One exchange with the socket, the remembered session commands first. */
    String send(String line) throws IOException {
        if (sessionCommands.isEmpty()) {
            return socket.send(line);
        }
        String answer = socket.send(String.join("; ", sessionCommands) + "; " + line);
        // each remembered command answers an empty line before the command's own answer
        return answer.substring(Math.min(answer.length(), sessionCommands.size()));
    }
}
