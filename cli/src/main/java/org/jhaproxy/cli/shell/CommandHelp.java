package org.jhaproxy.cli.shell;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the stats socket's `help` answer, "  set server <bk>/<srv> [opts]   : change a
 * server's ...": its syntax split into the command's keywords ("set", "server") and the argument
 * tokens that follow ("<bk>/<srv>", "[opts]").
 */
public record CommandHelp(List<String> keywords, List<String> arguments, String line) {
    // the syntax is padded to a column and followed by ": "; a syntax may itself hold ':' ("<cert[:line]>")
    private static final Pattern LINE = Pattern.compile("^  (\\S.*?)\\s*: (.*)$");

    /** The entries of a `help` answer, in its order; its header and blank lines are skipped. */
    public static List<CommandHelp> parse(String helpAnswer) {
        List<CommandHelp> out = new ArrayList<>();
        for (String l : helpAnswer.split("\n")) {
            Matcher m = LINE.matcher(l);
            if (m.matches()) {
                out.add(of(m.group(1), l));
            }
        }
        return out;
    }

    /** An entry for a syntax: the leading plain words are keywords, the rest arguments. */
    public static CommandHelp of(String syntax, String line) {
        List<String> tokens = Arrays.asList(syntax.trim().split("\\s+"));
        int k = 0;
        while (k < tokens.size() && tokens.get(k).matches("[a-z][a-z0-9-]*")) {
            k++;
        }
        return new CommandHelp(List.copyOf(tokens.subList(0, k)), List.copyOf(tokens.subList(k, tokens.size())), line);
    }

    /** The command as typed: its keywords joined by a space. */
    public String name() {
        return String.join(" ", keywords);
    }

    /** Whether the words a user typed after `help` ("set", "set server") select this entry. */
    public boolean matches(List<String> words) {
        if (words.size() > keywords.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            boolean last = i == words.size() - 1;
            if (!(last ? keywords.get(i).startsWith(w) : keywords.get(i).equals(w))) {
                return false;
            }
        }
        return true;
    }
}
