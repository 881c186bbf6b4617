package org.jhaproxy.runtime.cli;

import java.util.List;

/**
 * One stats socket command: the keywords that select it ("show", "servers", "state"), and its
 * handler. Registered once in {@link CliKeywords}; haproxy's help line for it comes from
 * haproxy's own table (haproxy-commands.txt), so a command needs no text of its own.
 *
 * <p>The handler returns the answer without the framing: the session adds the "\n" (or
 * "\n> " in prompt mode) that ends every answer, as haproxy's CLI applet does. A command
 * checks the session's level itself with {@link CliRequest#requires}, at the point haproxy's
 * parser does, since some check their arguments first.
 */
public interface CliCommand {
    /** The words naming the command, at most five as haproxy's CLI_PREFIX_KW_NB. */
    List<String> keywords();

    /** Runs the command; the returned text is sent as it is (empty for a silent success). */
    String run(CliRequest request);

    /** A command from its keywords ("show info") and a handler. */
    static CliCommand of(String keywords, Handler handler) {
        List<String> words = List.of(keywords.split(" "));
        return new CliCommand() {
            @Override
            public List<String> keywords() {
                return words;
            }

            @Override
            public String run(CliRequest request) {
                return handler.run(request);
            }
        };
    }

    @FunctionalInterface
    interface Handler {
        String run(CliRequest request);
    }
}
