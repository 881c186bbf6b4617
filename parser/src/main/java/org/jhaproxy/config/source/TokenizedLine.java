package org.jhaproxy.config.source;

import java.util.List;

/**
 * The words of one line as HAProxy's parse_line() cuts them. {@code error} is the first problem
 * found (null when none) and {@code errorPos} its 0-based offset in the input line; for
 * {@link LineError#TOO_MANY}, {@code errorPos} is the position of the last word kept in the joined
 * output, as HAProxy reports it. {@code shownEnd}, when not -1, is where the line shown in the
 * error message stops: HAProxy cuts a variable name in place while it looks it up, and an unknown
 * pseudo-variable ("${.FOO}") is reported before the line is mended.
 */
public record TokenizedLine(List<String> words, LineError error, int errorPos, int shownEnd) {
    public TokenizedLine(List<String> words, LineError error, int errorPos) {
        this(words, error, errorPos, -1);
    }

    public boolean ok() {
        return error == null;
    }
}
