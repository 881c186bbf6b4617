package org.jhaproxy.cli.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * `jhaproxy shell [SOCKET | host:port] [-c COMMAND]`: haproxy's runtime API, interactively with
 * completion, history and tables when run on a terminal, or scriptable: with -c, or with commands
 * on a stdin that is not a terminal, each answer is printed exactly as the socket sent it.
 */
public final class Shell {
    /** Where Debian's packaged haproxy.cfg puts its admin socket. */
    static final String DEFAULT_SOCKET = "/run/haproxy/admin.sock";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Shell() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        String target = null;
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-c") && i + 1 < args.size()) {
                commands.add(args.get(++i));
            } else if (a.equals("-h") || a.equals("--help") || a.startsWith("-") || target != null) {
                err.print(usage());
                return a.equals("-h") || a.equals("--help") ? 0 : 1;
            } else {
                target = a;
            }
        }
        CliSocket socket;
        try {
            socket = CliSocket.of(target != null ? target : DEFAULT_SOCKET, TIMEOUT);
        } catch (RuntimeException e) {
            err.println("jhaproxy shell: bad socket address '" + target + "': " + e.getMessage());
            return 1;
        }
        try {
            if (!commands.isEmpty()) {
                return oneShot(socket, commands, out, err);
            }
            if (System.console() == null) {
                return fromStdin(socket, out, err);
            }
            return new InteractiveShell(new ShellSession(socket), err).run();
        } catch (IOException e) {
            err.println("jhaproxy shell: " + socket.describe(e));
            return 1;
        }
    }

    private static int oneShot(CliSocket socket, List<String> commands, PrintStream out, PrintStream err)
            throws IOException {
        for (String c : commands) {
            out.print(socket.send(c));
            out.flush();
        }
        return 0;
    }

    /** Commands on stdin, one a line, as `socat` would send them but one connection each. */
    private static int fromStdin(CliSocket socket, PrintStream out, PrintStream err) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.ISO_8859_1));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
                out.print(socket.send(line));
                out.flush();
            }
        }
        return 0;
    }

    static String usage() {
        return """
                Usage: jhaproxy shell [SOCKET | host:port] [-c COMMAND]...
                  SOCKET       the path of a `stats socket` (default %s),
                               or host:port / ipv4@host:port / ipv6@[addr]:port for a TCP one
                  -c COMMAND   send COMMAND, print the answer as is, and exit (repeatable)
                Without -c, a terminal gets an interactive shell (help, TAB, history in ~/.jhaproxy_history);
                commands on a stdin that is not a terminal are sent one line at a time.
                """.formatted(DEFAULT_SOCKET);
    }
}
