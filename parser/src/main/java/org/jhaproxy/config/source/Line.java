package org.jhaproxy.config.source;

import java.util.List;

/**
 * One configuration line as a keyword parser sees it: its position, its words with a "no" or
 * "default" prefix already removed (and kept in {@link #modifier()}), as HAProxy shifts them.
 * {@link #arg(int)} answers "" past the last word, the way HAProxy's args[] ends in empty strings,
 * so parsers stop on the first empty word like haproxy does.
 */
public record Line(String file, int lineNo, List<String> args, KeywordModifier modifier) {

    public Line {
        args = List.copyOf(args);
    }

    public String arg(int i) {
        return i < args.size() ? args.get(i) : "";
    }

    /** How many leading words are non-empty: HAProxy's loops stop at the first empty one. */
    public int count() {
        int n = 0;
        while (n < args.size() && !args.get(n).isEmpty()) {
            n++;
        }
        return n;
    }

    public String keyword() {
        return arg(0);
    }

    /** "file:line", the position as HAProxy prints it in "parsing [file:line]". */
    public String where() {
        return file + ":" + lineNo;
    }
}
