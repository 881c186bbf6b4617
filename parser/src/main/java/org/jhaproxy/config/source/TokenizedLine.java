package org.jhaproxy.config.source;

import java.util.List;

/**
 * The words of one line as HAProxy's parse_line() cuts them. {@code error} is the first problem
 * found (null when none) and {@code errorPos} its 0-based offset in the input line; for
 * {@link LineError#TOO_MANY}, {@code errorPos} is the position of the last word kept in the joined
 * output, as HAProxy reports it. {@code cuts} are the places where HAProxy wrote a NUL into the
 * line while reading it (the '}' ending a "${NAME-default}", the end of an unknown ".NAME"): the
 * line it echoes under an error stops at the first one. {@code output} is parse_line()'s output buffer: the words,
 * each followed by a NUL, and {@code secondWord} where the second word starts in it (-1: none).
 */
public record TokenizedLine(List<String> words, LineError error, int errorPos, List<Integer> cuts, String output,
                            int secondWord) {
    /**
     * What .if/.elif evaluate (readcfgfile "remerges" the words): parse_line()'s output after
     * the first word, every word separator (and any NUL a word holds) turned into a space.
     */
    public String expressionAfterFirstWord() {
        if (secondWord < 0 || secondWord >= output.length()) {
            return "";
        }
        return output.substring(secondWord, output.length() - 1).replace('\0', ' ');
    }

    public boolean ok() {
        return error == null;
    }
}
