package org.jhaproxy.cli.shell;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** JLine's completion fed by the socket's command tree and its live proxy and server names. */
final class ShellCompleter implements Completer {
    private final ShellSession session;

    ShellCompleter(ShellSession session) {
        this.session = session;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> typed = line.words().subList(0, line.wordIndex());
        for (String word : session.commands().next(typed, session.names())) {
            // "be/srv" and command words are whole: JLine adds the space after them
            candidates.add(new Candidate(word, word, null, null, null, null, true));
        }
    }
}
