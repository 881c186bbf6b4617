package org.jhaproxy.runtime.cli;

import java.util.List;
import org.jhaproxy.config.proxy.TimeValue;

/**
 * The commands about the CLI session itself (cli.c): help, prompt, quit, the level commands
 * and "set timeout cli".
 */
final class SessionCommands {
    private SessionCommands() {
    }

    static List<CliCommand> all() {
        return List.of(
                CliCommand.of("help", r -> CliUsage.of(r.session().keywords(), r.args())),
                CliCommand.of("prompt", r -> {
                    r.session().togglePrompt();
                    return "";
                }),
                CliCommand.of("quit", r -> {
                    r.session().quit();
                    return "";
                }),
                CliCommand.of("operator", r -> lower(r, CliLevel.OPERATOR)),
                CliCommand.of("user", r -> lower(r, CliLevel.USER)),
                CliCommand.of("show cli level", r -> r.session().level().word() + "\n"),
                CliCommand.of("set timeout", SessionCommands::setTimeout));
    }

    /** cli_parse_set_lvl(): lowers the level; asking for a higher one is denied. */
    private static String lower(CliRequest r, CliLevel to) {
        if (!r.requires(to)) {
            return CliRequest.PERMISSION_DENIED;
        }
        r.session().level(to);
        return "";
    }

    /** "set timeout cli <delay>": the delay in seconds unless a unit is given. */
    private static String setTimeout(CliRequest r) {
        if (!r.arg(2).equals("cli")) {
            return "'set timeout' only supports 'cli'.\n";
        }
        if (r.arg(3).isEmpty()) {
            return "Expects an integer value.\n";
        }
        long s = StatsSocket.timeMs(r.arg(3), TimeValue.Unit.S);
        if (s < 1) {
            return "Invalid timeout value.\n";
        }
        r.session().timeoutMs(s * 1000);
        return "";
    }
}
