package org.jhaproxy.runtime.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text of "help" and of the answer to an unknown command (cli_gen_usage_msg()): the
 * visible commands matching the words typed, or, when a word is mistyped, the few whose
 * remaining words look most like it by haproxy's character-transition fingerprint.
 */
final class CliUsage {
    /** CLI_PREFIX_KW_NB and CLI_MAX_MATCHES. */
    private static final int PREFIX_WORDS = 5;
    private static final int MAX_MATCHES = 5;
    private static final String ALWAYS =
            "  help [<command>]                        : list matching or all commands\n"
            + "  prompt                                  : toggle interactive mode with prompt\n"
            + "  quit                                    : disconnect\n";

    private CliUsage() {
    }

    static String of(CliKeywords keywords, List<String> line) {
        List<String> args = line;
        boolean help = !args.isEmpty() && args.get(0).equals("help");
        if (help) {
            args = args.subList(1, args.size());
        }
        List<CliKeywords.Entry> visible = keywords.entries().stream().filter(CliKeywords.Entry::visible).toList();
        int length = 0;
        for (CliKeywords.Entry e : visible) {
            length = Math.max(length, matching(e, args, PREFIX_WORDS));
        }
        StringBuilder out = new StringBuilder();
        if (help) {
            out.append("The following commands are valid at this level:\n");
        } else if (length == 0 && arg(args, 0).isEmpty()) {
            out.append("Unknown command. Please enter one of the following commands only:\n");
        } else {
            out.append("Unknown command, but maybe one of the following ones is a better match:\n");
        }
        List<CliKeywords.Entry> shown = new ArrayList<>();
        List<Match> matches = fuzzy(visible, args, length);
        if (!matches.isEmpty()) {
            for (Match m : matches) {
                if (m.dist() > 5 * matches.get(0).dist() / 2) {
                    break;
                }
                shown.add(m.entry());
            }
        } else {
            for (CliKeywords.Entry e : visible) {
                if (e.usage() != null && matching(e, args, length) == length) {
                    shown.add(e);
                }
            }
        }
        shown.sort(Comparator.comparing(CliKeywords.Entry::usage));
        shown.forEach(e -> out.append("  ").append(e.usage()).append('\n'));
        return out.append(ALWAYS).toString();
    }

    /** How many leading words of the entry equal the line's, looking at {@code limit} words at most. */
    private static int matching(CliKeywords.Entry e, List<String> args, int limit) {
        int idx = 0;
        while (idx < limit && idx < e.words().size() && !arg(args, idx).isEmpty()
                && e.words().get(idx).equals(args.get(idx))) {
            idx++;
        }
        return idx;
    }

    private record Match(CliKeywords.Entry entry, int dist) {
    }

    /** The best entries whose first {@code length} words match, by the distance of the remaining words. */
    private static List<Match> fuzzy(List<CliKeywords.Entry> visible, List<String> args, int length) {
        List<Match> best = new ArrayList<>();
        if (arg(args, length).isEmpty()) {
            return best;
        }
        for (CliKeywords.Entry e : visible) {
            if (e.usage() == null || matching(e, args, length) != length) {
                continue;
            }
            int[] typed = new int[1024];
            int[] listed = new int[1024];
            int total = 0;
            for (int i = length; i < PREFIX_WORDS && !arg(args, i).isEmpty(); i++) {
                fingerprint(typed, args.get(i));
                total += args.get(i).length();
            }
            for (int i = length; i < PREFIX_WORDS && i < e.words().size(); i++) {
                fingerprint(listed, e.words().get(i));
                total += e.words().get(i).length();
            }
            int dist = 0;
            for (int i = 0; i < 1024; i++) {
                dist += Math.abs(typed[i] - listed[i]);
            }
            int worst = best.size() < MAX_MATCHES ? Integer.MAX_VALUE : best.get(MAX_MATCHES - 1).dist();
            if (dist < 5 * total / 2 && dist < worst) {
                if (best.size() == MAX_MATCHES) {
                    best.remove(MAX_MATCHES - 1);
                }
                // after the entries of equal or smaller distance: the earliest registered wins a tie
                int at = best.size();
                while (at > 0 && best.get(at - 1).dist() > dist) {
                    at--;
                }
                best.add(at, new Match(e, dist));
            }
        }
        return best;
    }

    /** update_word_fingerprint(): counts of transitions between letter, digit and other classes. */
    private static void fingerprint(int[] fp, String word) {
        int from = 28;
        for (int i = 0; i < word.length(); i++) {
            char c = Character.toLowerCase(word.charAt(i));
            int to = c >= 'a' && c <= 'z' ? c - 'a' + 1 : c >= '0' && c <= '9' ? 27 : 28;
            fp[to] = 1;
            fp[32 * from + to]++;
            from = to;
        }
        fp[32 * from + 28]++;
    }

    private static String arg(List<String> args, int i) {
        return i < args.size() ? args.get(i) : "";
    }
}
